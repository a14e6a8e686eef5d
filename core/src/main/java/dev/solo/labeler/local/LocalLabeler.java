package dev.solo.labeler.local;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.TemperatureScaling;
import dev.solo.human.HumanExample;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The embedded offline labeler ({@code endpoint_type: local}): a multinomial logistic
 * regression on sentence embeddings, trained on the human labels. Its strength {@code C} is
 * chosen by 5-fold cross-validation, and a temperature fitted on the same out-of-fold scores
 * calibrates its probabilities, so that a confidence of 0.9 is right about 90% of the time.
 * On the same folds it decides whether to smooth each prediction over the item's nearest
 * neighbours ({@link NeighbourSmoothing}); the trained model's {@link LabelingModel#description()}
 * says what was chosen.
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
    /** Shared by every model this labeler trains: an item's neighbours are searched once. */
    private final ReferenceNeighbours neighbours;
    private final boolean smoothingAllowed;

    /** {@code vectors} must hold every item it will train on or label. */
    public LocalLabeler(EmbeddingMatrix vectors, EmbeddingModel model, List<String> labelSet, long seed) {
        this(vectors, model, labelSet, seed, true);
    }

    /** {@code smoothingAllowed}: false never smooths over neighbours, whatever cross-validation says. */
    public LocalLabeler(EmbeddingMatrix vectors, EmbeddingModel model, List<String> labelSet, long seed,
                        boolean smoothingAllowed) {
        this.vectors = vectors;
        this.model = model;
        this.labelSet = List.copyOf(labelSet);
        this.seed = seed;
        this.neighbours = new ReferenceNeighbours(vectors, seed);
        this.smoothingAllowed = smoothingAllowed;
    }

    /** Stable whatever the model chooses: it is recorded with every label and compared. */
    @Override
    public String name() {
        return "local:" + model.configName();
    }

    /** Searches every item's neighbours now, when a trained model may smooth over them; they are kept for every model after. */
    @Override
    public void prepareToLabelEveryItem() {
        if (smoothingAllowed) {
            neighbours.searchEveryRow();
        }
    }

    @Override
    public LabelingModel train(List<HumanExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("the local labeler needs at least one human label to learn from");
        }
        int[] rows = examples.stream().mapToInt(example -> row(example.itemId())).toArray();
        double[][] features = Arrays.stream(rows).mapToObj(this::features).toArray(double[][]::new);
        int[] labels = examples.stream().mapToInt(example -> labelIndex(example.label())).toArray();
        if (examples.size() < FEWEST_FOR_CROSS_VALIDATION) {
            SoftmaxRegression regression = SoftmaxRegression.fit(features, labels, labelSet.size(), DEFAULT_STRENGTH,
                    null);
            return new LocalModel(vectors, labelSet, regression, 1.0, NeighbourSmoothing.OFF, neighbours,
                    name() + " (C=" + strength(DEFAULT_STRENGTH) + ", uncalibrated: too few labels to cross-validate)");
        }
        StrengthSearch search = StrengthSearch.run(features, labels, labelSet.size(), FOLDS, new Random(seed));
        NeighbourSmoothing smoothing = smoothingAllowed ? chooseSmoothing(rows, labels, search) : NeighbourSmoothing.OFF;
        SoftmaxRegression regression = SoftmaxRegression.fit(features, labels, labelSet.size(), search.strength(), null);
        String description = String.format("%s (C=%s, temperature %.2f, %s)", name(), strength(search.strength()),
                search.temperature(), smoothing.on()
                        ? String.format("+neighbour smoothing α=%s over the %d nearest of %,d items", smoothing.alpha(),
                                ReferenceNeighbours.K, neighbours.size())
                        : "no neighbour smoothing");
        return new LocalModel(vectors, labelSet, regression, search.temperature(), smoothing, neighbours, description);
    }

    /** Smoothing judged out of fold: each labeled item's neighbours as predicted by the model that did not learn it. */
    private NeighbourSmoothing chooseSmoothing(int[] rows, int[] labels, StrengthSearch search) {
        int[][] nearest = neighbours.of(rows);
        double[][] heldOut = new double[rows.length][];
        double[][] neighbourMeans = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            heldOut[i] = search.heldOut(i);
            SoftmaxRegression foldModel = search.foldModel(search.foldOf(i));
            double[][] around = new double[nearest[i].length][];
            for (int n = 0; n < around.length; n++) {
                double[] logits = foldModel.logits(features(neighbours.row(nearest[i][n])));
                around[n] = TemperatureScaling.softmax(logits, search.temperature());
            }
            neighbourMeans[i] = LocalModel.meanOr(around, heldOut[i]);
        }
        return NeighbourSmoothing.choose(heldOut, neighbourMeans, labels);
    }

    private static String strength(double strength) {
        return strength == Math.rint(strength) ? Long.toString((long) strength) : Double.toString(strength);
    }

    private int row(String itemId) {
        return vectors.row(itemId).orElseThrow(() ->
                new IllegalArgumentException("no embedding for item " + itemId + "; embed the items first"));
    }

    private double[] features(int row) {
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
