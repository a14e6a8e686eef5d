package dev.solo.lf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelingFunctionTest {
    @Test
    void aKeywordFiresOnWholeWordsInAnyCaseButNotWhenNegatedBeforeIt() {
        KeywordFunction good = new KeywordFunction("good", "Positive");

        assertThat(good.fires("A Good film.", null)).isTrue();
        assertThat(good.fires("goodness me", null)).isFalse();
        assertThat(good.fires("This is not good.", null)).isFalse();
        assertThat(good.fires("It isn't very good at all", null)).isFalse();
        assertThat(good.fires("Not the best, but good in parts", null)).isTrue();
        assertThat(good.fires("Not long, and good.", null)).isFalse();
        assertThat(good.fires("No doubt about it: the ending is good", null)).isTrue();
    }

    @Test
    void aKeywordThatHoldsTheNegationMatchesAsWritten() {
        KeywordFunction notBad = new KeywordFunction("Not bad", "Neutral");

        assertThat(notBad.fires("It's not bad, I guess.", null)).isTrue();
        assertThat(notBad.fires("bad, not at all", null)).isFalse();
        assertThat(notBad.name()).isEqualTo("keyword:not bad->Neutral");
        assertThat(notBad.description()).isEqualTo("contains 'not bad' -> Neutral");
    }

    @Test
    void aRegexFiresOnAMatchAnywhereAndABadOneIsRefusedWithItsReason() {
        RegexFunction question = new RegexFunction("^(who|whom)\\b", "HUM");

        assertThat(question.fires("Who wrote Hamlet?", null)).isTrue();
        assertThat(question.fires("Tell me who wrote Hamlet", null)).isFalse();
        assertThatThrownBy(() -> new RegexFunction("(unclosed", "HUM"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/(unclosed/ is not a valid regular expression: Unclosed group");
    }

    @Test
    void aLengthBandAndAnEmbeddingNeighbourhood() {
        LengthFunction shortTexts = new LengthFunction(0, 10, "Neutral");
        ClusterFunction near = new ClusterFunction("7", new float[] {1, 0, 0}, 0.9, "Negative");

        assertThat(shortTexts.fires("Meh.", null)).isTrue();
        assertThat(shortTexts.fires("A rather long sentence.", null)).isFalse();
        assertThat(near.fires("", new float[] {0.95f, 0.1f, 0})).isTrue();
        assertThat(near.fires("", new float[] {0.5f, 0.5f, 0})).isFalse();
        assertThat(near.fires("no vector", null)).isFalse();
        assertThatThrownBy(() -> new LengthFunction(20, 10, "Neutral")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyKindReadsBackFromItsStoredRecordAsTheFunctionSaved() {
        Random random = new Random(3);
        float[] centre = new float[384];
        for (int d = 0; d < centre.length; d++) {
            centre[d] = (float) random.nextGaussian();
        }
        List<LabelingFunction> functions = List.of(new KeywordFunction("not bad", "Neutral"),
                new RegexFunction("^who\\b", "HUM"), new LengthFunction(3, 40, "Neutral"),
                new ClusterFunction("2.7", centre, 0.8123456789, "Positive"));

        for (LabelingFunction function : functions) {
            FunctionRecord record = FunctionRecord.of(function, 40, 30, 29, FunctionRecord.Status.ENABLED, "ann");
            FunctionRecord read = new FunctionRecord(record.kind(), record.pattern(), record.label(), record.covered(),
                    record.checked(), record.correct(), record.status(), record.decidedBy());

            assertThat(read.function()).isEqualTo(function);
            assertThat(read.function().name()).isEqualTo(function.name());
        }
    }

    @Test
    void aNeighbourhoodRefusesAVectorOfAnotherDimension() {
        ClusterFunction near = new ClusterFunction("7", new float[] {1, 0, 0}, 0.9, "Negative");

        assertThatThrownBy(() -> near.fires("", new float[] {1, 0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2-dimension vector against a 3-dimension centre");
    }
}
