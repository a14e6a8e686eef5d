package dev.solo.metrics;

import dev.solo.workflow.Phase;
import java.time.Instant;

/**
 * How often the model agreed with human labels it had not learned from: {@code correct} of
 * {@code total}, measured by {@code method} (e.g. "holdout", "cross-validation").
 */
public record AccuracyEstimate(Phase phase, int round, String method, int correct, int total, String labeler,
                               Instant createdAt) {

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }
}
