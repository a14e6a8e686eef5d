package dev.solo.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.config.PhasesConfig.SortBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Only items where the sources disagree are explored, in the order sort_by asks, at most max_instances. */
class DisagreementRankingTest {

    private static List<Disagreement> candidates() {
        List<Disagreement> list = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String functions = i % 3 == 0 ? (i % 2 == 0 ? "B" : "A") : null;
            String neighbours = i % 5 == 0 ? "C" : "A";
            list.add(new Disagreement("item-" + i, "A", 0.5 + i / 200.0, i / 100.0, functions, functions == null ? 0 : i % 4,
                    neighbours));
        }
        return list;
    }

    @Test
    void itemsOnWhichEverySourceAgreesAreLeftOut() {
        List<Disagreement> ranked = DisagreementRanking.rank(candidates(), SortBy.CONFIDENCE_GAP, 100, new Random(1));

        assertThat(ranked).allMatch(Disagreement::disagrees).isNotEmpty();
        assertThat(ranked).hasSize((int) candidates().stream().filter(Disagreement::disagrees).count());
        assertThat(new Disagreement("x", "A", 0.9, 0.8, "A", 0, "A").disagrees()).isFalse();
        assertThat(new Disagreement("x", "A", 0.9, 0.8, null, 0, null).disagrees()).isFalse();
        assertThat(new Disagreement("x", "A", 0.9, 0.8, null, 0, "B").disagrees()).isTrue();
    }

    @Test
    void confidenceGapPutsTheSmallestGapFirst() {
        List<Disagreement> ranked = DisagreementRanking.rank(candidates(), SortBy.CONFIDENCE_GAP, 100, new Random(1));

        assertThat(ranked).extracting(Disagreement::margin).isSorted();
    }

    @Test
    void lfDisagreementPutsTheFunctionsAgainstTheModelFirstMostAgainstFirst() {
        List<Disagreement> ranked = DisagreementRanking.rank(candidates(), SortBy.LF_DISAGREEMENT, 100, new Random(1));

        int againstModel = (int) ranked.stream().filter(Disagreement::functionsDisagree).count();
        assertThat(againstModel).isPositive();
        assertThat(ranked.subList(0, againstModel)).allMatch(Disagreement::functionsDisagree)
                .extracting(Disagreement::functionsAgainst).isSortedAccordingTo((a, b) -> b - a);
        assertThat(ranked.subList(againstModel, ranked.size())).noneMatch(Disagreement::functionsDisagree);
    }

    @Test
    void maxInstancesCapsAndRandomIsAReproducibleShuffle() {
        List<Disagreement> first = DisagreementRanking.rank(candidates(), SortBy.RANDOM, 10, new Random(4));
        List<Disagreement> again = DisagreementRanking.rank(candidates(), SortBy.RANDOM, 10, new Random(4));
        List<Disagreement> other = DisagreementRanking.rank(candidates(), SortBy.RANDOM, 10, new Random(5));

        assertThat(first).hasSize(10).isEqualTo(again).isNotEqualTo(other);
        assertThat(first).extracting(Disagreement::margin).isNotEqualTo(
                first.stream().map(Disagreement::margin).sorted().toList());
    }

    @Test
    void theReasonNamesEachSourceThatSpoke() {
        assertThat(new Disagreement("x", "Positive", 0.62, 0.3, "Negative", 1, "Neutral").describe())
                .isEqualTo("model Positive 0.62 · functions Negative · neighbours Neutral");
        assertThat(new Disagreement("x", "Positive", 0.62, 0.3, null, 0, "Neutral").describe())
                .isEqualTo("model Positive 0.62 · neighbours Neutral");
    }
}
