package dev.solo.labeler;

/**
 * A model's label for an item, its calibrated probability of being right ({@code confidence}),
 * and how far it is ahead of the runner-up label ({@code margin}, top-1 minus top-2 probability).
 * {@code reasoning} is the language model's chain of thought when it was asked for one, kept for
 * display in later phases; otherwise null. An abstention has no label.
 */
public record Prediction(String itemId, String label, double confidence, double margin, String reasoning) {

    /** A prediction without reasoning (the local labeler, or a language model not asked to think aloud). */
    public Prediction(String itemId, String label, double confidence, double margin) {
        this(itemId, label, confidence, margin, null);
    }

    /** The labeler gave no label from the label set (a language model's answer outside it, twice). */
    public static Prediction abstention(String itemId) {
        return new Prediction(itemId, null, 0, 0);
    }

    public boolean abstained() {
        return label == null;
    }
}
