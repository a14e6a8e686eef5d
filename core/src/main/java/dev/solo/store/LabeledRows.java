package dev.solo.store;

import dev.solo.label.LabelCounts;
import dev.solo.label.LabelSource;
import dev.solo.label.LabeledRow;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Each item's current label, decided in one place: the person's label; else the labeling
 * functions' vote where its estimated precision is above the model's calibrated confidence for
 * that item; else the model's prediction.
 */
public interface LabeledRows {

    LabelCounts counts();

    /** Streams each labeled item's current label, in import order. */
    void forEach(Consumer<LabeledRow> consumer);

    /** The confidence of every item's current machine label (items without a human label), in import order. */
    double[] machineConfidences(String schemaName);

    /** How many items carry each label now, whatever the source. */
    Map<String, Long> valueCounts();

    /** The mean confidence of the current labels from {@code source}; empty when there are none. */
    OptionalDouble meanConfidence(LabelSource source);
}
