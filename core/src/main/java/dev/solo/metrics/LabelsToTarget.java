package dev.solo.metrics;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How many more human labels the dataset needs before its estimated accuracy is good enough,
 * if the person labels the machine items the model is least sure of first.
 */
public final class LabelsToTarget {
    private LabelsToTarget() {
    }

    /**
     * About how many more human labels it takes until the dataset estimate's lower bound (the
     * one-sided 97.5% bound the workflow stops on) reaches {@code target}, labeling the machine
     * items in ascending order of confidence.
     *
     * <p>A label on an item with confidence c removes an expected 1 − (c + bias) errors, where
     * bias is the report's machine accuracy minus the mean machine confidence (how far the
     * random checks found the confidences off) and c + bias is clipped to [0, 1]. The machine
     * interval's lower half-width is assumed to stay as it is, so its share of the dataset
     * shrinks with the machine items left. A projection, not a promise: the next estimate
     * replaces it.
     *
     * @param machineConfidences calibrated confidence of every item without a human label, as
     *     given to {@link AccuracyEstimator#estimate}; read, not changed
     * @param report the current estimate for those items
     * @param humanLabeled items with a human label
     * @return 0 when the target is already reached; empty when labeling every machine item would
     *     not reach it (only a target above 1)
     */
    public static OptionalInt moreLabels(double[] machineConfidences, AccuracyReport report, int humanLabeled,
                                         double target) {
        Objects.requireNonNull(machineConfidences, "machineConfidences");
        Objects.requireNonNull(report, "report");
        if (Double.isNaN(target)) {
            throw new IllegalArgumentException("target must be a number");
        }
        if (humanLabeled < 0) {
            throw new IllegalArgumentException("humanLabeled must be >= 0, got " + humanLabeled);
        }
        if (report.reaches(target)) {
            return OptionalInt.of(0);
        }
        int machineItems = machineConfidences.length;
        if (machineItems == 0 || target > 1) {
            return OptionalInt.empty();
        }
        double[] ascending = machineConfidences.clone();
        Arrays.sort(ascending);
        double confidenceSum = 0;
        for (double confidence : ascending) {
            confidenceSum += confidence;
        }
        Estimate machine = report.machine();
        double bias = machine.value() - confidenceSum / machineItems;
        double machineGap = machine.value() - machine.low();
        double total = (double) humanLabeled + machineItems;

        double value = report.dataset().value();
        for (int labeled = 1; labeled <= machineItems; labeled++) {
            double accuracy = Math.max(0, Math.min(1, ascending[labeled - 1] + bias));
            value += (1 - accuracy) / total;
            int left = machineItems - labeled;
            // Every item labeled by a person is exactly 1.0, whatever the rounding on the way.
            double low = left == 0 ? 1 : Math.min(1, value) - machineGap * left / total;
            if (low >= target) {
                return OptionalInt.of(labeled);
            }
        }
        return OptionalInt.empty();
    }
}
