package dev.solo.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Honest accuracy of machine labels: calibrated confidence tells where the errors are likely,
 * random human labels correct it for how wrong that calibration is.
 *
 * <p>A stratified difference estimator (as in prediction-powered inference): the checks'
 * confidences are cut into at most {@value #MAX_BINS} bins at their quantiles; a bin's accuracy is
 * the mean confidence of its machine items plus the mean residual (correct − confidence) of its
 * checks; bins are weighted by their share of the machine items. With uniform random checks this
 * is unbiased however wrong the calibration is; good calibration only makes it tighter.
 *
 * <p>Variance: Σ (M_b/M)² · s²_b · (1/n_b + 1/M_b), with s²_b the residuals' sample variance
 * guarded by one right and one wrong pseudo-label per bin; the interval uses a t quantile with
 * Welch–Satterthwaite degrees of freedom and is clipped to [0, 1].
 *
 * <p>Only random checks may be used. Labels the person gave to uncertain items were chosen by
 * their confidence, so their residuals are biased in an unknown direction.
 */
public final class AccuracyEstimator {
    /** Two-sided level of every interval; its lower end is a one-sided 97.5% bound. */
    public static final double LEVEL = 0.95;
    static final int MAX_BINS = 5;
    /** Bins only once each can hold this many checks; fewer give a residual mean too noisy to help. */
    static final int CHECKS_PER_BIN = 20;
    /** After ties in confidence, a bin with fewer checks than this is merged into its neighbour. */
    static final int MIN_CHECKS_PER_BIN = 15;

    private AccuracyEstimator() {
    }

    /**
     * Estimates the accuracy of the machine labels and of the dataset they make up with the
     * human labels.
     *
     * @param machineConfidences calibrated confidence of the current machine label of every item
     *     without a human label; read, not copied or changed
     * @param checks uniformly drawn items the person labeled; never items picked for any other reason
     * @param humanLabeled items with a human label, the checks included
     * @return empty when {@code checks} is empty: confidence alone is no evidence of accuracy.
     *     Otherwise the report, whose intervals are 95% two-sided and within [0, 1]
     * @throws IllegalArgumentException if a confidence is outside [0, 1] or {@code humanLabeled} is negative
     */
    public static Optional<AccuracyReport> estimate(double[] machineConfidences, List<RandomCheck> checks,
                                                    int humanLabeled) {
        return estimate(machineConfidences, machineConfidences.length, checks, humanLabeled, LEVEL, true);
    }

    /**
     * The same at another two-sided {@code level} (a stricter one for a bound that must hold over
     * several looks, {@link StoppingBound}), from a sample of the machine items' confidences:
     * {@code machineItems} machine items in all, whose confidence distribution {@code confidenceSample}
     * stands for. The checks' confidences must come from the same model (or models) as the sample's.
     */
    public static Optional<AccuracyReport> estimate(double[] confidenceSample, int machineItems,
                                                    List<RandomCheck> checks, int humanLabeled, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (machineItems > 0 && confidenceSample.length == 0) {
            throw new IllegalArgumentException("a sample of the " + machineItems + " machine items' confidences is needed");
        }
        return estimate(confidenceSample, machineItems, checks, humanLabeled, level, true);
    }

    /** {@code guarded = false} drops the small-sample guard, so tests can show it is needed. */
    static Optional<AccuracyReport> estimate(double[] machineConfidences, List<RandomCheck> checks, int humanLabeled,
                                             boolean guarded) {
        return estimate(machineConfidences, machineConfidences.length, checks, humanLabeled, LEVEL, guarded);
    }

    private static Optional<AccuracyReport> estimate(double[] machineConfidences, int machineItems,
                                                     List<RandomCheck> checks, int humanLabeled, double level,
                                                     boolean guarded) {
        Objects.requireNonNull(machineConfidences, "machineConfidences");
        Objects.requireNonNull(checks, "checks");
        if (humanLabeled < 0) {
            throw new IllegalArgumentException("humanLabeled must be >= 0, got " + humanLabeled);
        }
        if (checks.isEmpty()) {
            return Optional.empty();
        }
        int n = checks.size();
        int sampled = machineConfidences.length;
        double[] edges = edges(checks);
        int bins = edges.length + 1;

        double[] machineSum = new double[bins];
        int[] machineCount = new int[bins];
        for (double confidence : machineConfidences) {
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("machine confidence must be in [0, 1], got " + confidence);
            }
            int bin = bin(edges, confidence);
            machineSum[bin] += confidence;
            machineCount[bin]++;
        }
        Residuals[] residuals = new Residuals[bins];
        for (int b = 0; b < bins; b++) {
            residuals[b] = new Residuals();
        }
        for (RandomCheck check : checks) {
            residuals[bin(edges, check.confidence())].add(check);
        }

        double value = 0;
        double variance = 0;
        double dfDenominator = 0;
        for (int b = 0; b < bins; b++) {
            // With no machine items left the checks stand in for them: the accuracy the machine
            // labels would have on a random item.
            double weight = machineItems > 0 ? (double) machineCount[b] / sampled : (double) residuals[b].n / n;
            if (weight == 0) {
                continue;
            }
            double binConfidence = machineItems > 0 ? machineSum[b] / machineCount[b] : residuals[b].meanConfidence();
            value += weight * (binConfidence + residuals[b].mean());
            // 1/M_b too: the truth is the realized share of right labels among the machine items,
            // which varies around their expected accuracy like the checks do around theirs.
            double perItem = 1.0 / residuals[b].n + (machineItems > 0 ? 1.0 / Math.max(1, weight * machineItems) : 0);
            double part = weight * weight * residuals[b].variance(guarded) * perItem;
            variance += part;
            dfDenominator += part * part / Math.max(1, residuals[b].n - 1);
        }
        // Welch–Satterthwaite: the bins' variances are estimated from different numbers of checks.
        double df = dfDenominator > 0 ? Math.max(1, variance * variance / dfDenominator) : Math.max(1, n - bins);
        double halfWidth = new TDistribution(null, df).inverseCumulativeProbability(0.5 + level / 2)
                * Math.sqrt(variance);

        String random = n + (n == 1 ? " random label" : " random labels");
        String basis = machineItems > 0
                ? random + " and calibrated confidence"
                : random + "; no item left without a human label";
        Estimate machine = new Estimate(clip(value), clip(value - halfWidth), clip(value + halfWidth), basis);
        return Optional.of(new AccuracyReport(machine, dataset(machine, machineItems, humanLabeled), n));
    }

    /** The machine estimate mapped onto all items, each human label counted as right. */
    static Estimate dataset(Estimate machine, int machineItems, int humanLabeled) {
        if (machineItems == 0) {
            return new Estimate(1, 1, 1, "every item labeled by a person");
        }
        if (humanLabeled == 0) {
            return machine;
        }
        double total = (double) humanLabeled + machineItems;
        String basis = machine.basis() + "; " + humanLabeled
                + (humanLabeled == 1 ? " human label" : " human labels") + " counted as right";
        return new Estimate((humanLabeled + machineItems * machine.value()) / total,
                (humanLabeled + machineItems * machine.low()) / total,
                (humanLabeled + machineItems * machine.high()) / total, basis);
    }

    /**
     * Inner bin edges at quantiles of the checks' confidences: one bin below 40 checks, then one
     * per {@value #CHECKS_PER_BIN} checks up to {@value #MAX_BINS}. A value equal to an edge
     * belongs to the bin above it.
     */
    static double[] edges(List<RandomCheck> checks) {
        int n = checks.size();
        int bins = Math.max(1, Math.min(MAX_BINS, n / CHECKS_PER_BIN));
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = checks.get(i).confidence();
        }
        Arrays.sort(sorted);
        double[] edges = new double[bins - 1];
        for (int j = 1; j < bins; j++) {
            int at = j * n / bins;
            edges[j - 1] = (sorted[at - 1] + sorted[at]) / 2;
        }
        edges = Arrays.stream(edges).distinct().toArray();
        // Tied confidences (many checks at 1.0, say) can leave a bin nearly empty: merge it away.
        while (edges.length > 0) {
            int[] counts = new int[edges.length + 1];
            for (double confidence : sorted) {
                counts[bin(edges, confidence)]++;
            }
            int smallest = 0;
            for (int b = 1; b < counts.length; b++) {
                smallest = counts[b] < counts[smallest] ? b : smallest;
            }
            if (counts[smallest] >= MIN_CHECKS_PER_BIN) {
                break;
            }
            boolean mergeDown = smallest == counts.length - 1
                    || (smallest > 0 && counts[smallest - 1] <= counts[smallest + 1]);
            int edge = mergeDown ? smallest - 1 : smallest;
            double[] fewer = new double[edges.length - 1];
            System.arraycopy(edges, 0, fewer, 0, edge);
            System.arraycopy(edges, edge + 1, fewer, edge, edges.length - edge - 1);
            edges = fewer;
        }
        return edges;
    }

    static int bin(double[] edges, double confidence) {
        int bin = 0;
        while (bin < edges.length && confidence >= edges[bin]) {
            bin++;
        }
        return bin;
    }

    private static double clip(double value) {
        return Math.max(0, Math.min(1, value));
    }

    /** Residuals (correct − confidence) of the checks in one bin. */
    private static final class Residuals {
        int n;
        double confidenceSum;
        double sum;
        double sumOfSquares;

        void add(RandomCheck check) {
            double residual = (check.correct() ? 1 : 0) - check.confidence();
            n++;
            confidenceSum += check.confidence();
            sum += residual;
            sumOfSquares += residual * residual;
        }

        double meanConfidence() {
            return confidenceSum / n;
        }

        double mean() {
            return sum / n;
        }

        /**
         * Sample variance of the residuals. Guarded, it is taken with one right and one wrong
         * pseudo-label at the bin's mean confidence added, as Agresti and Caffo add one success
         * and one failure per group: ten checks that all happen to be right (or all at confidence
         * 1.0) otherwise show no spread at all and give a zero-width interval. The pseudo-labels
         * widen the interval only; the point estimate stays unbiased. Their weight fades as 1/n.
         */
        double variance(boolean guarded) {
            double count = n;
            double total = sum;
            double squares = sumOfSquares;
            if (guarded) {
                double right = 1 - meanConfidence();
                double wrong = -meanConfidence();
                count += 2;
                total += right + wrong;
                squares += right * right + wrong * wrong;
            }
            if (count < 2) {
                return 0;
            }
            return Math.max(0, (squares - total * total / count) / (count - 1));
        }
    }
}
