package dev.solo.store;

import dev.solo.label.LabelCounts;
import dev.solo.label.LabeledRow;
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
}
