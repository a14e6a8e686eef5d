package dev.solo.label;

import java.time.Instant;

/**
 * One item's current label, as status and export see it: the human label if there is one, else
 * the more reliable of the labeling functions' vote and the model's prediction. {@code annotator}
 * is the person, or the labeler that made a machine label.
 */
public record LabeledRow(String itemId, String schemaName, String value, LabelSource source, double confidence,
                         String annotator, int phase, int setupVersion, Instant timestamp) {
}
