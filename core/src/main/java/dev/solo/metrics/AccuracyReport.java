package dev.solo.metrics;

/**
 * Accuracy estimated from random human labels: {@code machine} of the machine labels alone (items
 * without a human label), {@code dataset} of the whole exported dataset with human labels counted
 * as right; {@code randomLabels} is how many random labels they rest on.
 */
public record AccuracyReport(Estimate machine, Estimate dataset, int randomLabels) {
}
