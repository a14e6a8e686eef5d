package dev.solo.labeler.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.config.LlmConfig;
import dev.solo.config.PhasesConfig.Variation;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.StoredVector;
import dev.solo.human.HumanExample;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptVariantTest {
    private static final LlmConfig THINKING = new LlmConfig(LlmConfig.EndpointType.OPENAI, "gpt-4o-mini", "key", null,
            null, null, null, null, null, null, 6, null, 3, true, null, null);

    @Test
    void theConfiguredPromptIsTheVariantInUseAndEveryVariantSurvivesTheStore() {
        PromptVariant configured = PromptVariant.configured(THINKING);
        assertThat(configured).isEqualTo(new PromptVariant(PromptVariant.Style.PLAIN, PromptVariant.Order.SIMILAR_LAST,
                PromptVariant.Reasoning.CHAIN_OF_THOUGHT, 6));

        List<PromptVariant> all = PromptVariant.all(configured, EnumSet.allOf(Variation.class));

        assertThat(all).hasSize(2 * 3 * 3 * 4 + 1).startsWith(configured).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(variant -> assertThat(PromptVariant.parse(variant.name())).contains(variant));
        assertThat(PromptVariant.parse("local:e5-small-v2")).isEmpty();
        assertThat(PromptVariant.parse("llm:plain sideways direct 5")).isEmpty();
    }

    @Test
    void onlyTheConfiguredVariationsVary() {
        PromptVariant configured = PromptVariant.configured(THINKING);

        List<PromptVariant> counts = PromptVariant.all(configured, Set.of(Variation.EXAMPLE_COUNT));

        assertThat(counts).extracting(PromptVariant::examples).containsExactly(6, 3, 5, 10, 15);
        assertThat(counts).extracting(PromptVariant::reasoning).containsOnly(PromptVariant.Reasoning.CHAIN_OF_THOUGHT);
        assertThat(PromptVariant.all(configured, Set.of())).containsExactly(configured);
    }

    @Test
    void aVariantSetsTheLabelersExamplesReasoningAndHowConfidenceIsMeasured() {
        PromptVariant voting = new PromptVariant(PromptVariant.Style.DETAILED, PromptVariant.Order.SHUFFLED,
                PromptVariant.Reasoning.SELF_CONSISTENCY, 10);

        LlmConfig applied = voting.applyTo(THINKING);

        assertThat(applied.fewShotExamples()).isEqualTo(10);
        assertThat(applied.chainOfThought()).isFalse();
        assertThat(applied.confidence()).isEqualTo(LlmConfig.ConfidenceMethod.SELF_CONSISTENCY);
        assertThat(voting.requestsPerItem(THINKING)).isEqualTo(3);
        assertThat(voting.describe()).isEqualTo("detailed instructions, examples shuffled, self consistency, 10 examples");
    }

    @Test
    void theStyleAddsHowTheExpertDecidesAndTheOrderPlacesTheMostSimilarExamples() {
        EmbeddingMatrix vectors = new EmbeddingMatrix(2, 4);
        vectors.add(StoredVector.quantize("item", new float[] {1, 0}));
        vectors.add(StoredVector.quantize("near", new float[] {0.9f, 0.1f}));
        vectors.add(StoredVector.quantize("middle", new float[] {0.5f, 0.5f}));
        vectors.add(StoredVector.quantize("far", new float[] {0, 1}));
        List<HumanExample> pool = List.of(new HumanExample("far", "No"), new HumanExample("near", "Yes"),
                new HumanExample("middle", "Yes"), new HumanExample("item", "Yes"));
        List<String> labels = List.of("Yes", "No");

        FewShotPrompt last = new FewShotPrompt("Task", "", labels, 3, false, vectors);
        FewShotPrompt first = new FewShotPrompt("Task", "", labels, 3, false, vectors, PromptVariant.Style.DETAILED,
                PromptVariant.Order.SIMILAR_FIRST);

        assertThat(last.examplesFor("item", pool)).extracting(HumanExample::itemId).containsExactly("far", "middle", "near");
        assertThat(first.examplesFor("item", pool)).extracting(HumanExample::itemId).containsExactly("near", "middle", "far");
        assertThat(last.system()).doesNotContain(FewShotPrompt.DETAILED_INSTRUCTIONS);
        assertThat(first.system()).contains(FewShotPrompt.DETAILED_INSTRUCTIONS);
    }
}
