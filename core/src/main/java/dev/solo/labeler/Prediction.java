package dev.solo.labeler;

/**
 * A model's label for an item, its calibrated probability of being right ({@code confidence}),
 * and how far it is ahead of the runner-up label ({@code margin}, top-1 minus top-2 probability).
 * An abstention has no label.
 */
public record Prediction(String itemId, String label, double confidence, double margin) {

    /** The labeler gave no label from the label set (a language model's answer outside it, twice). */
    public static Prediction abstention(String itemId) {
        return new Prediction(itemId, null, 0, 0);
    }

    public boolean abstained() {
        return label == null;
    }
}
