package dev.solo.metrics;

import dev.solo.config.PhasesConfig.Metric;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Accuracy or macro-averaged F1 of predicted against true labels (label indices), with a 95%
 * percentile bootstrap interval over the items: what prompt optimization ranks variants by.
 */
public final class ClassificationScore {
    static final int RESAMPLES = 400;

    private ClassificationScore() {
    }

    public static Estimate of(Metric metric, int[] truth, int[] predicted, int labels, Random random) {
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
        return new Estimate(value, low, high, String.format(Locale.ROOT, "%d human labels, out of fold", truth.length));
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
