package dev.solo.labeler;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A model's label for an item with the calibrated probability of every label ({@code distribution},
 * in the scheme's label order): the label is the most probable one, {@code confidence} its
 * probability, {@code margin} how far it is ahead of the runner-up. {@code reasoning} is the
 * language model's chain of thought when it was asked for one, otherwise null. An abstention has
 * no label and no distribution.
 */
public record Prediction(String itemId, String label, double confidence, double margin, double[] distribution,
                         String reasoning) {

    public Prediction {
        distribution = distribution == null ? null : distribution.clone();
    }

    /** The prediction a distribution over {@code labels} makes: its most probable label (the first on a tie). */
    public static Prediction of(String itemId, List<String> labels, double[] distribution, String reasoning) {
        if (distribution.length != labels.size()) {
            throw new IllegalArgumentException(distribution.length + " probabilities for " + labels.size() + " labels");
        }
        int best = 0;
        for (int k = 1; k < distribution.length; k++) {
            best = distribution[k] > distribution[best] ? k : best;
        }
        double runnerUp = 0;
        for (int k = 0; k < distribution.length; k++) {
            runnerUp = k != best ? Math.max(runnerUp, distribution[k]) : runnerUp;
        }
        return new Prediction(itemId, labels.get(best), distribution[best], distribution[best] - runnerUp,
                distribution, reasoning);
    }

    /** The labeler gave no label from the label set (a language model's answer outside it, twice). */
    public static Prediction abstention(String itemId) {
        return new Prediction(itemId, null, 0, 0, null, null);
    }

    public boolean abstained() {
        return label == null;
    }

    @Override
    public double[] distribution() {
        return distribution == null ? null : distribution.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction that && itemId.equals(that.itemId)
                && Objects.equals(label, that.label) && confidence == that.confidence
                && margin == that.margin && Arrays.equals(distribution, that.distribution)
                && Objects.equals(reasoning, that.reasoning);
    }

    @Override
    public int hashCode() {
        return Objects.hash(itemId, label, confidence, margin, Arrays.hashCode(distribution), reasoning);
    }

    @Override
    public String toString() {
        return "Prediction[" + itemId + ": " + label + " " + confidence + " " + Arrays.toString(distribution) + "]";
    }
}
