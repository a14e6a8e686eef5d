package dev.solo.metrics;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The lower bound a stop is decided on. Solo reads its accuracy estimate after every batch and
 * stops labeling the first time the lower bound reaches the target; a 97.5% bound read at each of
 * many looks is crossed by chance far more often than once in 40. (On sst2 at target 0.90 the third
 * look, on 35 random labels, put the bound at 0.91 while the dataset stood near 0.89.)
 *
 * <p>So the k-th look of a task uses a one-sided error of α·H/((H+k−1)(H+k)), with α = 2.5% and
 * H = {@value #HORIZON}. These sum to α over every look, and by the union bound, which holds
 * however the looks depend on one another, a task stops with its accuracy below the target at most
 * once in 40, however often it looks. H spreads the error about evenly over the first twenty or so
 * looks (a round of phases 6 to 10 takes up to 27), where the stops happen, and lets it thin as 1/k²
 * after. The 95% interval solo prints beside it is unchanged: it answers "how accurate now", not
 * "may I stop".
 */
public final class StoppingBound {
    /** The chance, over a whole task, of stopping below the target: the one-sided error of a 95% interval. */
    public static final double TOTAL_ERROR = (1 - AccuracyEstimator.LEVEL) / 2;
    /** The number of looks over which the error is spread about evenly. */
    static final int HORIZON = 20;

    private StoppingBound() {
    }

    /**
     * The estimate whose intervals' lower ends are the bounds for the {@code look}-th look.
     *
     * @param look 1 for the first look of the task, 2 for the second, …
     */
    public static Optional<AccuracyReport> at(int look, double[] machineConfidences, List<RandomCheck> checks,
                                              int humanLabeled) {
        return at(look, machineConfidences, machineConfidences.length, checks, humanLabeled);
    }

    /** The same from a sample of the machine items' confidences ({@link AccuracyEstimator#estimate(double[], int, List, int, double)}). */
    public static Optional<AccuracyReport> at(int look, double[] confidenceSample, int machineItems,
                                              List<RandomCheck> checks, int humanLabeled) {
        return AccuracyEstimator.estimate(confidenceSample, machineItems, checks, humanLabeled,
                1 - 2 * oneSidedError(look));
    }

    /**
     * About how many times wider than the 95% interval's lower half the {@code look}-th look's is
     * (normal quantiles; the estimator's t quantiles differ little from about thirty labels on).
     */
    public static double widening(int look) {
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        return normal.inverseCumulativeProbability(1 - oneSidedError(look))
                / normal.inverseCumulativeProbability(1 - TOTAL_ERROR);
    }

    /** α·H/((H+k−1)(H+k)): 0.12% at the first look, 0.057% at the tenth, 0.020% at the thirtieth. */
    static double oneSidedError(int look) {
        if (look < 1) {
            throw new IllegalArgumentException("looks are counted from 1, got " + look);
        }
        return TOTAL_ERROR * HORIZON / ((HORIZON + look - 1.0) * (HORIZON + look));
    }
}
