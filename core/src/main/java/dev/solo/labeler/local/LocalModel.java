package dev.solo.labeler.local;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import dev.solo.labeler.TemperatureScaling;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained local labeler: regression scores, divided by the fitted temperature, softmaxed; when
 * smoothing was chosen, mixed with the same distributions of the item's nearest reference items.
 */
final class LocalModel implements LabelingModel {
    private final EmbeddingMatrix vectors;
    private final List<String> labelSet;
    private final SoftmaxRegression regression;
    private final double temperature;
    private final NeighbourSmoothing smoothing;
    private final ReferenceNeighbours neighbours;
    private final String description;
    /** Each reference item's calibrated distribution; computed once, and only when smoothing. */
    private final double[][] referenceDistributions;

    LocalModel(EmbeddingMatrix vectors, List<String> labelSet, SoftmaxRegression regression, double temperature,
               NeighbourSmoothing smoothing, ReferenceNeighbours neighbours, String description) {
        this.vectors = vectors;
        this.labelSet = labelSet;
        this.regression = regression;
        this.temperature = temperature;
        this.smoothing = smoothing;
        this.neighbours = neighbours;
        this.description = description;
        this.referenceDistributions = smoothing.on() ? new double[neighbours.size()][] : null;
        if (smoothing.on()) {
            for (int j = 0; j < referenceDistributions.length; j++) {
                referenceDistributions[j] = distribution(neighbours.row(j));
            }
        }
    }

    @Override
    public List<Prediction> predict(List<String> itemIds) {
        int[] rows = new int[itemIds.size()];
        for (int i = 0; i < rows.length; i++) {
            String itemId = itemIds.get(i);
            rows[i] = vectors.row(itemId).orElseThrow(() ->
                    new IllegalArgumentException("no embedding for item " + itemId + "; embed the items first"));
        }
        int[][] nearest = smoothing.on() ? neighbours.of(rows) : null;
        List<Prediction> predictions = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            double[] p = distribution(rows[i]);
            if (nearest != null) {
                double[][] around = new double[nearest[i].length][];
                for (int n = 0; n < around.length; n++) {
                    around[n] = referenceDistributions[nearest[i][n]];
                }
                p = smoothing.apply(p, meanOr(around, p));
            }
            predictions.add(Prediction.of(itemIds.get(i), labelSet, p, null));
        }
        return predictions;
    }

    @Override
    public String description() {
        return description;
    }

    private double[] distribution(int row) {
        return TemperatureScaling.softmax(regression.logits(toDoubles(vectors.vector(row))), temperature);
    }

    /** The mean of the distributions, or {@code fallback} when there are none (an item alone in the reference). */
    static double[] meanOr(double[][] distributions, double[] fallback) {
        if (distributions.length == 0) {
            return fallback;
        }
        double[] mean = new double[fallback.length];
        for (double[] distribution : distributions) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += distribution[k] / distributions.length;
            }
        }
        return mean;
    }

    static double[] toDoubles(float[] vector) {
        double[] doubles = new double[vector.length];
        for (int d = 0; d < vector.length; d++) {
            doubles[d] = vector[d];
        }
        return doubles;
    }
}
