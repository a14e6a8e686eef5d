package dev.solo.metrics;

import java.util.List;

/**
 * A round's comparison of the model with the person: overall accuracy against the target, the
 * confusion matrix ({@code matrix[human][model]}, in {@code labels} order), the confusion pairs
 * most frequent first with example items, per-class precision/recall/F1, and the calibration
 * error of the model's confidences on the same items.
 */
public record ConfusionReport(
        int round,
        String labeler,
        String method,
        int compared,
        int correct,
        double accuracy,
        double accuracyTarget,
        double calibrationError,
        int minSamples,
        List<String> labels,
        int[][] matrix,
        List<Pair> pairs,
        List<ClassScore> perClass) {

    /** Items the person labeled {@code human} and the model labeled {@code model}. */
    public record Pair(String human, String model, int count, double share, List<String> exampleIds) {
    }

    /** {@code support} is how many items the person gave this label. */
    public record ClassScore(String label, double precision, double recall, double f1, int support) {
    }

    /** True when fewer items were compared than {@code confusion_analysis.min_samples} asks for. */
    public boolean belowMinSamples() {
        return compared < minSamples;
    }
}
