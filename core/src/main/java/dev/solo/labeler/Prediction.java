package dev.solo.labeler;

/**
 * A model's label for an item, its calibrated probability of being right ({@code confidence}),
 * and how far it is ahead of the runner-up label ({@code margin}, top-1 minus top-2 probability).
 */
public record Prediction(String itemId, String label, double confidence, double margin) {
}
