package dev.solo.label;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One item's current label, as status and export see it: the human label if there is one, else
 * the more reliable of the labeling functions' vote and the model's prediction, with its
 * provenance. {@code annotator} is the person, or the labeler that made a machine label;
 * {@code labeler} the model behind a model label (empty otherwise); {@code pool} what chose a
 * human-labeled item (empty otherwise); {@code functions} every enabled labeling function that
 * fires on the item, whichever label was taken (empty when none does).
 */
public record LabeledRow(String itemId, String schemaName, String value, LabelSource source, double confidence,
                         String annotator, int phase, int setupVersion, Instant timestamp, String labeler,
                         String pool, List<String> functions) {
    public LabeledRow {
        labeler = Objects.requireNonNullElse(labeler, "");
        pool = Objects.requireNonNullElse(pool, "");
        functions = List.copyOf(functions);
    }
}
