package dev.solo.labeler.local;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.labeler.Folds;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.TemperatureScaling;
import dev.solo.human.HumanExample;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The embedded offline labeler ({@code endpoint_type: local}): a multinomial logistic
 * regression on sentence embeddings, trained on the human labels. Its strength {@code C} is
 * chosen by 5-fold cross-validation, and a temperature fitted on the same out-of-fold scores
 * calibrates its probabilities, so that a confidence of 0.9 is right about 90% of the time.
 */
public final class LocalLabeler implements Labeler {
    static final double[] STRENGTHS = {0.3, 1, 3, 10, 30, 100};
    static final int FOLDS = 5;
    /** Below this many labels there is too little to cross-validate: a middle strength, no scaling. */
    static final int FEWEST_FOR_CROSS_VALIDATION = 2 * FOLDS;
    private static final double DEFAULT_STRENGTH = 10;

    private final EmbeddingMatrix vectors;
    private final EmbeddingModel model;
    private final List<String> labelSet;
    private final long seed;

    /** {@code vectors} must hold every item it will train on or label. */
    public LocalLabeler(EmbeddingMatrix vectors, EmbeddingModel model, List<String> labelSet, long seed) {
        this.vectors = vectors;
        this.model = model;
        this.labelSet = List.copyOf(labelSet);
        this.seed = seed;
    }

    @Override
    public String name() {
        return "local:" + model.configName();
    }

    @Override
    public LabelingModel train(List<HumanExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("the local labeler needs at least one human label to learn from");
        }
        double[][] features = examples.stream().map(example -> features(example.itemId())).toArray(double[][]::new);
        int[] labels = examples.stream().mapToInt(example -> labelIndex(example.label())).toArray();
        double strength = DEFAULT_STRENGTH;
        double temperature = 1.0;
        if (examples.size() >= FEWEST_FOR_CROSS_VALIDATION) {
            CrossValidated chosen = crossValidate(features, labels);
            strength = chosen.strength();
            temperature = chosen.temperature();
        }
        SoftmaxRegression regression = SoftmaxRegression.fit(features, labels, labelSet.size(), strength, null);
        return new LocalModel(vectors, labelSet, regression, temperature);
    }

    private record CrossValidated(double strength, double temperature, double calibratedLogLoss) {
    }

    private CrossValidated crossValidate(double[][] features, int[] labels) {
        int n = features.length;
        int[] foldOf = Folds.stratified(Arrays.stream(labels).mapToObj(Integer::toString).toList(), FOLDS,
                new Random(seed));
        double[][][] heldOutLogits = new double[STRENGTHS.length][n][];
        // Folds are independent and write disjoint rows: fit them on every core.
        IntStream.range(0, FOLDS).parallel().forEach(fold -> fitFold(fold, foldOf, features, labels, heldOutLogits));
        CrossValidated best = null;
        for (int s = 0; s < STRENGTHS.length; s++) {
            double temperature = TemperatureScaling.fit(heldOutLogits[s], labels);
            double logLoss = TemperatureScaling.negativeLogLikelihood(heldOutLogits[s], labels, temperature);
            if (best == null || logLoss < best.calibratedLogLoss()) {
                best = new CrossValidated(STRENGTHS[s], temperature, logLoss);
            }
        }
        return best;
    }

    /** Fits every strength on the other folds (each warm-started from the last) and scores this fold. */
    private void fitFold(int fold, int[] foldOf, double[][] features, int[] labels, double[][][] heldOutLogits) {
        int count = 0;
        for (int f : foldOf) {
            count += f == fold ? 0 : 1;
        }
        double[][] trainFeatures = new double[count][];
        int[] trainLabels = new int[count];
        int next = 0;
        for (int i = 0; i < features.length; i++) {
            if (foldOf[i] != fold) {
                trainFeatures[next] = features[i];
                trainLabels[next++] = labels[i];
            }
        }
        double[] warmStart = null;
        for (int s = 0; s < STRENGTHS.length; s++) {
            SoftmaxRegression regression =
                    SoftmaxRegression.fit(trainFeatures, trainLabels, labelSet.size(), STRENGTHS[s], warmStart);
            warmStart = regression.parameters();
            for (int i = 0; i < features.length; i++) {
                if (foldOf[i] == fold) {
                    heldOutLogits[s][i] = regression.logits(features[i]);
                }
            }
        }
    }

    private double[] features(String itemId) {
        int row = vectors.row(itemId).orElseThrow(() ->
                new IllegalArgumentException("no embedding for item " + itemId + "; embed the items first"));
        return LocalModel.toDoubles(vectors.vector(row));
    }

    private int labelIndex(String label) {
        int index = labelSet.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("label '" + label + "' is not one of " + labelSet);
        }
        return index;
    }
}
