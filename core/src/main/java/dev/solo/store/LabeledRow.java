package dev.solo.store;

import java.time.Instant;

/** One item's current label for export: the human label if there is one, else the model's. */
public record LabeledRow(String itemId, String schemaName, String value, LabelSource source, double confidence,
                         String annotator, int phase, Instant timestamp) {
}
