package dev.solo.lf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateMinerTest {
    @Test
    void wordsWhoseTextsMostlyCarryOneLabelAndCoverEnoughBecomeKeywordCandidates() {
        List<CandidateMiner.Example> examples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            examples.add(new CandidateMiner.Example("who wrote book " + i, "HUM"));
            examples.add(new CandidateMiner.Example("how many pages in book " + i, "NUM"));
        }
        examples.add(new CandidateMiner.Example("who counted how many", "NUM"));

        List<LabelingFunction> candidates = new CandidateMiner(0.2, 0.8).keywords(examples);

        assertThat(candidates).contains(new KeywordFunction("who", "HUM"), new KeywordFunction("how many", "NUM"),
                new KeywordFunction("pages", "NUM"));
        assertThat(candidates).noneMatch(function -> function.name().startsWith("keyword:book->"));
        assertThat(candidates).as("1 of 81 texts is below the coverage asked for")
                .doesNotContain(new KeywordFunction("counted", "NUM"));
    }

    @Test
    void aLengthBandWhereOneLabelDominatesBecomesACandidate() {
        List<CandidateMiner.Example> examples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            examples.add(new CandidateMiner.Example("x".repeat(5 + i), i < 20 ? "Neutral" : i % 2 == 0 ? "Positive"
                    : "Negative"));
        }

        List<LabelingFunction> candidates = new CandidateMiner(0.05, 0.8).lengthBands(examples);

        assertThat(candidates).containsExactlyInAnyOrder(new LengthFunction(0, 14, "Neutral"),
                new LengthFunction(15, 24, "Neutral"));
    }
}
