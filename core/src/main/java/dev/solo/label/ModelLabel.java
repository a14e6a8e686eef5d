package dev.solo.label;

import dev.solo.labeler.Prediction;
import dev.solo.workflow.Phase;
import java.time.Instant;
import java.util.Objects;

/**
 * A labeler's prediction for an item as stored: the prediction (label, calibrated confidence,
 * the whole distribution, reasoning) and what it was made under: the labeler, the phase and
 * round, and the labeling setup's version.
 */
public record ModelLabel(Prediction prediction, String schemaName, String labeler, Phase phase, int round,
                         int setupVersion, Instant createdAt) {
    public ModelLabel {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(schemaName, "schemaName");
        Objects.requireNonNull(labeler, "labeler");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(createdAt, "createdAt");
        if (prediction.abstained()) {
            throw new IllegalArgumentException("an abstention is not a label: " + prediction.itemId());
        }
    }

    public String itemId() {
        return prediction.itemId();
    }
}
