package dev.solo.metrics;

import dev.solo.config.PhasesConfig.Metric;
import java.util.Arrays;
import java.util.Random;

/**
 * Accuracy or macro-averaged F1 of predicted against true labels (label indices), with a 95%
 * percentile bootstrap interval over the items: what prompt optimization ranks variants by.
 */
public final class ClassificationScore {
    static final int RESAMPLES = 400;

    private ClassificationScore() {
    }

    /** {@code basis}: what the score rests on, e.g. "120 random labels, out of fold". */
    public static Estimate of(Metric metric, int[] truth, int[] predicted, int labels, String basis, Random random) {
        double value = score(metric, truth, predicted, labels, null);
        double[] resampled = new double[RESAMPLES];
        int[] picks = new int[truth.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < picks.length; i++) {
                picks[i] = random.nextInt(truth.length);
            }
            resampled[r] = score(metric, truth, predicted, labels, picks);
        }
        Arrays.sort(resampled);
        double low = Math.min(value, resampled[(int) Math.floor(0.025 * (RESAMPLES - 1))]);
        double high = Math.max(value, resampled[(int) Math.ceil(0.975 * (RESAMPLES - 1))]);
        return new Estimate(value, low, high, basis);
    }

    /**
     * The share of bootstrap resamples (the same items for both) in which {@code first} scores
     * above {@code second}: how sure one can be that it is the better of the two.
     */
    public static double shareBetter(Metric metric, int[] truth, int[] first, int[] second, int labels, Random random) {
        int better = 0;
        int[] picks = new int[truth.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < picks.length; i++) {
                picks[i] = random.nextInt(truth.length);
            }
            better += score(metric, truth, first, labels, picks) > score(metric, truth, second, labels, picks) ? 1 : 0;
        }
        return (double) better / RESAMPLES;
    }

    /** {@code picks}: the items to score (a bootstrap resample), or null for all of them once. */
    static double score(Metric metric, int[] truth, int[] predicted, int labels, int[] picks) {
        int n = picks == null ? truth.length : picks.length;
        int[] truePositive = new int[labels];
        int[] predictedCount = new int[labels];
        int[] actualCount = new int[labels];
        int right = 0;
        for (int k = 0; k < n; k++) {
            int i = picks == null ? k : picks[k];
            predictedCount[predicted[i]]++;
            actualCount[truth[i]]++;
            if (truth[i] == predicted[i]) {
                truePositive[truth[i]]++;
                right++;
            }
        }
        if (metric == Metric.ACCURACY) {
            return n == 0 ? 0 : (double) right / n;
        }
        double sum = 0;
        int present = 0;
        for (int label = 0; label < labels; label++) {
            if (actualCount[label] == 0 && predictedCount[label] == 0) {
                continue;
            }
            present++;
            int denominator = actualCount[label] + predictedCount[label];
            sum += denominator == 0 ? 0 : 2.0 * truePositive[label] / denominator;
        }
        return present == 0 ? 0 : sum / present;
    }
}
