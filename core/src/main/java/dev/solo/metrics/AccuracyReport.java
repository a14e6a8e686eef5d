package dev.solo.metrics;

import java.util.Objects;

/**
 * How accurate the labels are, estimated from {@code randomLabels} random checks.
 *
 * @param machine accuracy of the machine labels alone, over the items without a human label
 * @param dataset accuracy of the whole exported dataset, human labels counted as right
 * @param randomLabels how many random checks the estimates rest on
 */
public record AccuracyReport(Estimate machine, Estimate dataset, int randomLabels) {
    public AccuracyReport {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(dataset, "dataset");
        if (randomLabels < 0) {
            throw new IllegalArgumentException("randomLabels must be >= 0, got " + randomLabels);
        }
    }

    /**
     * Whether the dataset is accurate enough to stop labeling: its interval's lower end is at
     * least {@code target}. The lower end of a two-sided 95% interval is a one-sided 97.5% bound,
     * so stopping here overstates the accuracy in about 1 run of 40.
     */
    public boolean reaches(double target) {
        return dataset.low() >= target;
    }
}
