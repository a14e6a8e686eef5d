package dev.solo.config;

import java.util.Objects;

/** The {@code solo_mode} section. */
public record SoloModeConfig(
        Boolean enabled,
        LlmConfig llm,
        Integer seedCount,
        Double accuracyThreshold,
        Double confidenceThreshold,
        PhasesConfig phases,
        PrioritizationConfig prioritization,
        VerificationConfig verification,
        CompletionConfig completion) {

    public static final SoloModeConfig DEFAULT = new SoloModeConfig(null, null, null, null, null, null, null, null, null);

    public SoloModeConfig {
        enabled = Objects.requireNonNullElse(enabled, true);
        llm = Objects.requireNonNullElse(llm, LlmConfig.LOCAL);
        seedCount = Objects.requireNonNullElse(seedCount, 50);
        accuracyThreshold = Objects.requireNonNullElse(accuracyThreshold, 0.92);
        confidenceThreshold = Objects.requireNonNullElse(confidenceThreshold, 0.85);
        Ranges.positive("seed_count", seedCount);
        Ranges.fraction("accuracy_threshold", accuracyThreshold);
        Ranges.fraction("confidence_threshold", confidenceThreshold);
        phases = Objects.requireNonNullElse(phases, PhasesConfig.DEFAULT);
        prioritization = Objects.requireNonNullElse(prioritization, PrioritizationConfig.DEFAULT);
        verification = Objects.requireNonNullElse(verification, VerificationConfig.DISABLED);
        completion = Objects.requireNonNullElse(completion, CompletionConfig.DEFAULT);
    }

    /**
     * The embedding model the labeler works on: for {@code local}, {@code llm.model} when given;
     * otherwise (and for remote labelers, which pick few-shot examples with it) the seed selection's.
     */
    public String labelerEmbeddingModel() {
        return llm.endpointType() == LlmConfig.EndpointType.LOCAL && llm.model() != null ? llm.model()
                : phases.seed().embeddingModel();
    }

    /** The seed size: {@code phases.seed.count} when given, else {@code seed_count}. */
    public int seedSize() {
        return phases.seed().count() != null ? phases.seed().count() : seedCount;
    }
}
