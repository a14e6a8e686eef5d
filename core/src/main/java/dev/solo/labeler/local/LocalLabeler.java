package dev.solo.labeler.local;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.LabelingModel;
import dev.solo.human.HumanExample;
import java.util.List;
import java.util.Random;

/**
 * The embedded offline labeler ({@code endpoint_type: local}): a multinomial logistic
 * regression on sentence embeddings, trained on the human labels. Its strength {@code C} is
 * chosen by 5-fold cross-validation, and a temperature fitted on the same out-of-fold scores
 * calibrates its probabilities, so that a confidence of 0.9 is right about 90% of the time.
 */
public final class LocalLabeler implements Labeler {
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
            StrengthSearch search = StrengthSearch.run(features, labels, labelSet.size(), FOLDS, new Random(seed));
            strength = search.strength();
            temperature = search.temperature();
        }
        SoftmaxRegression regression = SoftmaxRegression.fit(features, labels, labelSet.size(), strength, null);
        return new LocalModel(vectors, labelSet, regression, temperature);
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
