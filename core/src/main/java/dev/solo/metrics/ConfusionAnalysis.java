package dev.solo.metrics;

import dev.solo.labeler.Prediction;
import dev.solo.human.HumanExample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link ConfusionReport} from human labels and the model's predictions for the same items. */
public final class ConfusionAnalysis {
    /** How many example items a confusion pair lists. */
    public static final int EXAMPLES_PER_PAIR = 5;

    private final List<String> labels;
    private final double accuracyTarget;
    private final int minSamples;

    public ConfusionAnalysis(List<String> labels, double accuracyTarget, int minSamples) {
        this.labels = List.copyOf(labels);
        this.accuracyTarget = accuracyTarget;
        this.minSamples = minSamples;
    }

    /** Compares every example that has a prediction; examples without one are left out. */
    public ConfusionReport compare(int round, String labeler, String method, List<HumanExample> examples,
                                   List<Prediction> predictions) {
        Map<String, Prediction> byItem = new HashMap<>();
        predictions.forEach(prediction -> byItem.put(prediction.itemId(), prediction));
        int size = labels.size();
        int[][] matrix = new int[size][size];
        List<List<List<String>>> examplesOf = new ArrayList<>();
        for (int h = 0; h < size; h++) {
            List<List<String>> row = new ArrayList<>();
            for (int m = 0; m < size; m++) {
                row.add(new ArrayList<>());
            }
            examplesOf.add(row);
        }
        List<Double> confidences = new ArrayList<>();
        List<Boolean> rights = new ArrayList<>();
        for (HumanExample example : examples) {
            Prediction prediction = byItem.get(example.itemId());
            int human = labels.indexOf(example.label());
            int model = prediction == null ? -1 : labels.indexOf(prediction.label());
            if (human < 0 || model < 0) {
                continue;
            }
            matrix[human][model]++;
            examplesOf.get(human).get(model).add(example.itemId());
            confidences.add(prediction.confidence());
            rights.add(human == model);
        }
        int compared = confidences.size();
        int correct = 0;
        for (int k = 0; k < size; k++) {
            correct += matrix[k][k];
        }
        return new ConfusionReport(round, labeler, method, compared, correct,
                compared == 0 ? 0 : (double) correct / compared, accuracyTarget,
                calibrationError(confidences, rights), minSamples, labels, matrix,
                pairs(matrix, examplesOf, compared), perClass(matrix));
    }

    private List<ConfusionReport.Pair> pairs(int[][] matrix, List<List<List<String>>> examplesOf, int compared) {
        List<ConfusionReport.Pair> pairs = new ArrayList<>();
        for (int h = 0; h < labels.size(); h++) {
            for (int m = 0; m < labels.size(); m++) {
                if (h != m && matrix[h][m] > 0) {
                    List<String> ids = examplesOf.get(h).get(m);
                    pairs.add(new ConfusionReport.Pair(labels.get(h), labels.get(m), matrix[h][m],
                            (double) matrix[h][m] / compared, List.copyOf(ids.subList(0, Math.min(EXAMPLES_PER_PAIR, ids.size())))));
                }
            }
        }
        // Most frequent first; ties in label order, so the report is the same on every run.
        pairs.sort(Comparator.comparingInt(ConfusionReport.Pair::count).reversed());
        return pairs;
    }

    private List<ConfusionReport.ClassScore> perClass(int[][] matrix) {
        List<ConfusionReport.ClassScore> scores = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            int truePositives = matrix[k][k];
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < labels.size(); j++) {
                predicted += matrix[j][k];
                actual += matrix[k][j];
            }
            double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
            double recall = actual == 0 ? 0 : (double) truePositives / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.add(new ConfusionReport.ClassScore(labels.get(k), precision, recall, f1, actual));
        }
        return scores;
    }

    private static double calibrationError(List<Double> confidences, List<Boolean> rights) {
        double[] c = new double[confidences.size()];
        boolean[] r = new boolean[rights.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = confidences.get(i);
            r[i] = rights.get(i);
        }
        return CalibrationError.expected(c, r);
    }
}
