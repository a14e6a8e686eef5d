package dev.solo.phases;

import dev.solo.metrics.AccuracyReport;
import dev.solo.metrics.Estimate;
import java.util.Optional;

/**
 * How much of the next active batch to draw at random. Usually {@code min_random_share}. But when
 * the dataset's estimate is at the target and only its stopping bound is not, what is missing is
 * evidence, not a better model. If the random labels the interval is projected to need (its
 * half-width shrinks as one over the square root of their number) fit in what the phase may still
 * ask, whole batches are drawn at random until it is reached, which ends the phase early; if not,
 * the nearer they come to fitting, the larger the random share. Random labels also teach the model; they are only less pointed than
 * uncertain ones.
 */
final class EvidenceShare {
    private EvidenceShare() {
    }

    /**
     * @param latest         the estimate after the last finished batch; empty before any
     * @param target         {@code accuracy_threshold}
     * @param minShare       {@code min_random_share}
     * @param labelsLeft     labels the phase may still ask for, this batch included
     * @param widening       how much wider than the 95% interval's lower half the bound this batch
     *                       will stop on is ({@link dev.solo.metrics.StoppingBound#widening})
     */
    static double of(Optional<AccuracyReport> latest, double target, double minShare, int labelsLeft,
                     double widening) {
        if (latest.isEmpty() || labelsLeft <= 0) {
            return minShare;
        }
        Estimate dataset = latest.get().dataset();
        double margin = dataset.value() - target;
        double halfWidth = (dataset.value() - dataset.low()) * widening;
        if (margin <= 0 || dataset.value() - halfWidth >= target || halfWidth <= 0) {
            return minShare;
        }
        int random = latest.get().randomLabels();
        double needed = random * Math.pow(halfWidth / margin, 2) - random;
        // Within reach: all random until the interval is there. Out of reach by evidence alone, the
        // model must get better too; the further away, the more of the batch goes to that.
        return needed <= labelsLeft ? 1.0 : Math.max(minShare, labelsLeft / needed);
    }
}
