package dev.solo.labeler.local;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import dev.solo.labeler.TemperatureScaling;
import java.util.ArrayList;
import java.util.List;

/** A trained local labeler: regression scores, divided by the fitted temperature, softmaxed. */
final class LocalModel implements LabelingModel {
    private final EmbeddingMatrix vectors;
    private final List<String> labelSet;
    private final SoftmaxRegression regression;
    private final double temperature;

    LocalModel(EmbeddingMatrix vectors, List<String> labelSet, SoftmaxRegression regression, double temperature) {
        this.vectors = vectors;
        this.labelSet = labelSet;
        this.regression = regression;
        this.temperature = temperature;
    }

    @Override
    public List<Prediction> predict(List<String> itemIds) {
        List<Prediction> predictions = new ArrayList<>(itemIds.size());
        for (String itemId : itemIds) {
            int row = vectors.row(itemId).orElseThrow(() ->
                    new IllegalArgumentException("no embedding for item " + itemId + "; embed the items first"));
            double[] p = TemperatureScaling.softmax(regression.logits(toDoubles(vectors.vector(row))), temperature);
            predictions.add(Prediction.of(itemId, labelSet, p, null));
        }
        return predictions;
    }

    static double[] toDoubles(float[] vector) {
        double[] doubles = new double[vector.length];
        for (int d = 0; d < vector.length; d++) {
            doubles[d] = vector[d];
        }
        return doubles;
    }
}
