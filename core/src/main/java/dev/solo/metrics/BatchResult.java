package dev.solo.metrics;

import dev.solo.workflow.Phase;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one batch a person labeled went: how many items were asked, how many of the person's
 * labels agreed with the machine label the item had, and the accuracy estimated after it (empty
 * when the phase makes none).
 */
public record BatchResult(Phase phase, int round, int batch, int asked, int agreed, Optional<Estimate> estimate,
                          Instant createdAt) {
    public BatchResult {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
