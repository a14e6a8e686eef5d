package dev.solo.labeler.local;

import dev.solo.labeler.Folds;
import dev.solo.labeler.TemperatureScaling;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The regression's strength chosen by k-fold cross-validation: every strength of
 * {@link #STRENGTHS} is fitted on each fold's complement, and the one whose out-of-fold scores,
 * calibrated by their own fitted temperature, have the least log-loss wins. Its fold models stay
 * available, so later choices (neighbour smoothing) are judged on the same folds.
 */
final class StrengthSearch {
    static final double[] STRENGTHS = {0.3, 1, 3, 10, 30, 100};

    private final int[] foldOf;
    private final SoftmaxRegression[] foldModels;
    private final double[][] heldOutLogits;
    private final double strength;
    private final double temperature;

    private StrengthSearch(int[] foldOf, SoftmaxRegression[] foldModels, double[][] heldOutLogits, double strength,
                           double temperature) {
        this.foldOf = foldOf;
        this.foldModels = foldModels;
        this.heldOutLogits = heldOutLogits;
        this.strength = strength;
        this.temperature = temperature;
    }

    /** Folds stratified by label and drawn from {@code random}; the same arguments give the same result. */
    static StrengthSearch run(double[][] features, int[] labels, int classes, int folds, Random random) {
        int n = features.length;
        int[] foldOf = Folds.stratified(Arrays.stream(labels).mapToObj(Integer::toString).toList(), folds, random);
        double[][][] heldOutLogits = new double[STRENGTHS.length][n][];
        SoftmaxRegression[][] models = new SoftmaxRegression[STRENGTHS.length][folds];
        // Folds are independent and write disjoint rows: fit them on every core.
        IntStream.range(0, folds).parallel().forEach(fold ->
                fitFold(fold, foldOf, features, labels, classes, heldOutLogits, models));
        int best = -1;
        double bestTemperature = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int s = 0; s < STRENGTHS.length; s++) {
            double temperature = TemperatureScaling.fit(heldOutLogits[s], labels);
            double logLoss = TemperatureScaling.negativeLogLikelihood(heldOutLogits[s], labels, temperature);
            if (best < 0 || logLoss < bestLoss) {
                best = s;
                bestTemperature = temperature;
                bestLoss = logLoss;
            }
        }
        return new StrengthSearch(foldOf, models[best], heldOutLogits[best], STRENGTHS[best], bestTemperature);
    }

    double strength() {
        return strength;
    }

    /** The temperature that calibrates the chosen strength's out-of-fold scores. */
    double temperature() {
        return temperature;
    }

    int foldOf(int example) {
        return foldOf[example];
    }

    /** The chosen strength's model fitted without {@code fold}'s examples. */
    SoftmaxRegression foldModel(int fold) {
        return foldModels[fold];
    }

    /** Each example's calibrated distribution by the model that did not learn it. */
    double[] heldOut(int example) {
        return TemperatureScaling.softmax(heldOutLogits[example], temperature);
    }

    /** Fits every strength on the other folds (each warm-started from the last) and scores this fold. */
    private static void fitFold(int fold, int[] foldOf, double[][] features, int[] labels, int classes,
                                double[][][] heldOutLogits, SoftmaxRegression[][] models) {
        int[] training = IntStream.range(0, features.length).filter(i -> foldOf[i] != fold).toArray();
        double[][] trainFeatures = IntStream.of(training).mapToObj(i -> features[i]).toArray(double[][]::new);
        int[] trainLabels = IntStream.of(training).map(i -> labels[i]).toArray();
        double[] warmStart = null;
        for (int s = 0; s < STRENGTHS.length; s++) {
            SoftmaxRegression regression = SoftmaxRegression.fit(trainFeatures, trainLabels, classes, STRENGTHS[s],
                    warmStart);
            warmStart = regression.parameters();
            models[s][fold] = regression;
            for (int i = 0; i < features.length; i++) {
                if (foldOf[i] == fold) {
                    heldOutLogits[s][i] = regression.logits(features[i]);
                }
            }
        }
    }
}
