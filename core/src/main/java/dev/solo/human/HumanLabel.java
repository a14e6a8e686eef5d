package dev.solo.human;

import dev.solo.workflow.Phase;
import java.time.Instant;
import java.util.Objects;

/**
 * A label given by a person (or the oracle standing in for one), with its provenance: the phase
 * and round, the pool that chose the item (empty when none did), and the labeling setup's
 * version the person saw.
 */
public record HumanLabel(String itemId, String schemaName, String value, Phase phase, int round, String annotator,
                         Instant createdAt, long answerMillis, String pool, int setupVersion) {
    public HumanLabel {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(schemaName, "schemaName");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(createdAt, "createdAt");
        pool = Objects.requireNonNullElse(pool, "");
    }
}
