package dev.solo.config;

import java.util.Objects;

/** Optional second-annotator verification of a sample. */
public record VerificationConfig(Boolean enabled, Double sampleFraction, String annotator) {
    public static final VerificationConfig DISABLED = new VerificationConfig(false, null, null);

    public VerificationConfig {
        enabled = Objects.requireNonNullElse(enabled, false);
        sampleFraction = Objects.requireNonNullElse(sampleFraction, 0.1);
        Ranges.fraction("sample_fraction", sampleFraction);
        annotator = Objects.requireNonNullElse(annotator, "reviewer_1");
    }
}
