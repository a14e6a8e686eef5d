package dev.solo.metrics;

import java.util.Objects;

/**
 * One row of prompt optimization's results: the variant, its score by the configured metric with
 * its interval, what scoring it cost (calls, dollars), and whether it was chosen.
 */
public record VariantScore(String variant, String description, String metric, Estimate score, long calls,
                           double costUsd, boolean selected) {
    public VariantScore {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(score, "score");
    }
}
