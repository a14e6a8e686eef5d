package dev.solo.lf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FunctionAnalysisTest {
    private static final List<VoteMatrix.Input> ITEMS = List.of(
            new VoteMatrix.Input("a", "good and great", null),
            new VoteMatrix.Input("b", "good", null),
            new VoteMatrix.Input("c", "awful but good", null),
            new VoteMatrix.Input("d", "plain", null));

    @Test
    void coverageOverlapConflictAndPrecisionOnHumanLabelsOnly() {
        LabelingFunction good = new KeywordFunction("good", "Positive");
        LabelingFunction great = new KeywordFunction("great", "Positive");
        LabelingFunction awful = new KeywordFunction("awful", "Negative");
        VoteMatrix matrix = VoteMatrix.apply(List.of(good, great, awful), ITEMS);

        List<FunctionStats> stats = FunctionAnalysis.of(matrix, Map.of("a", "Positive", "c", "Negative"));

        FunctionStats goodStats = stats.get(0);
        assertThat(goodStats.covered()).isEqualTo(3);
        assertThat(goodStats.coverage()).isEqualTo(0.75);
        assertThat(goodStats.overlap()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(goodStats.conflict()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(goodStats.checked()).isEqualTo(2);
        assertThat(goodStats.correct()).isEqualTo(1);
        assertThat(stats.get(2).precision()).isEqualTo(1.0);
        assertThat(matrix.firing("d")).isEmpty();
    }

    @Test
    void twentyNineRightOfTwentyNineBoundsPrecisionAtAboutNinety() {
        assertThat(PrecisionBound.lower(29, 29)).isCloseTo(0.902, within(0.001));
        assertThat(PrecisionBound.lower(0, 10)).isZero();
        assertThat(PrecisionBound.lower(0, 0)).isZero();
    }

    @Test
    void theLowerBoundHoldsInAtLeast95PercentOfSimulatedAudits() {
        Random random = new Random(11);
        int runs = 4_000;
        int held = 0;
        for (int run = 0; run < runs; run++) {
            double truePrecision = 0.6 + 0.39 * random.nextDouble();
            int n = 5 + random.nextInt(60);
            int correct = 0;
            for (int i = 0; i < n; i++) {
                correct += random.nextDouble() < truePrecision ? 1 : 0;
            }
            held += PrecisionBound.lower(correct, n) <= truePrecision ? 1 : 0;
        }
        assertThat((double) held / runs).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void votesCombineByReliabilityAndAFunctionNoBetterThanChanceHasNoSay() {
        LabelingFunction strong = new KeywordFunction("awful", "Negative");
        LabelingFunction weak = new KeywordFunction("good", "Positive");
        LabelingFunction coin = new KeywordFunction("film", "Neutral");
        VoteCombiner combiner = new VoteCombiner(List.of(
                new FunctionStats(strong, 10, 0.1, 0, 0, 40, 40),
                new FunctionStats(weak, 10, 0.1, 0, 0, 20, 16),
                new FunctionStats(coin, 10, 0.1, 0, 0, 20, 10)));

        Optional<VoteCombiner.Combined> both = combiner.combine(new int[] {0, 1});
        Optional<VoteCombiner.Combined> alone = combiner.combine(new int[] {1});

        assertThat(both).hasValueSatisfying(vote -> {
            assertThat(vote.label()).isEqualTo("Negative");
            assertThat(vote.functions()).containsExactly("keyword:awful->Negative");
            assertThat(vote.confidence()).isLessThan(PrecisionBound.lower(40, 40));
        });
        assertThat(alone).hasValueSatisfying(vote -> assertThat(vote.confidence())
                .isCloseTo(PrecisionBound.lower(16, 20), within(1e-12)));
        assertThat(combiner.combine(new int[] {2})).isEmpty();
        assertThat(combiner.combine(new int[0])).isEmpty();
    }

    @Test
    void aFunctionThatFailsOnAnItemIsSwitchedOffAndNamedWhileTheOthersGoOn() {
        LabelingFunction good = new KeywordFunction("good", "Positive");
        LabelingFunction nested = new RegexFunction("(a|aa)*b", "Negative");
        List<VoteMatrix.Input> items = List.of(new VoteMatrix.Input("x", "b good", null),
                new VoteMatrix.Input("y", "a".repeat(200_000), null), new VoteMatrix.Input("z", "good", null));

        VoteMatrix matrix = VoteMatrix.apply(List.of(good, nested), items);

        assertThat(matrix.failures()).containsOnlyKeys(1);
        assertThat(matrix.failures().get(1)).startsWith("failed on item y");
        assertThat(matrix.firing("x")).containsExactly(0);
        assertThat(matrix.firing("z")).containsExactly(0);
    }
}
