package dev.solo.select;

import java.util.List;
import java.util.Objects;

/**
 * An item without a human label and the machine's current view of it: the model's label, its
 * calibrated confidence, the gap between the two most probable labels, the distribution in the
 * scheme's label order, and the labeling functions' combined vote ({@code null} when no function
 * fires) with that vote's confidence.
 */
public record ActiveCandidate(String itemId, String label, double confidence, double margin, double[] distribution,
                              String functionVote, double functionConfidence) {
    public ActiveCandidate {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(label, "label");
        distribution = distribution == null ? new double[0] : distribution.clone();
    }

    /** A copy: the record stays immutable. */
    @Override
    public double[] distribution() {
        return distribution.clone();
    }

    /** True when a labeling function voted and its vote is not the model's label. */
    public boolean functionsDisagree() {
        return functionVote != null && !functionVote.equals(label);
    }

    /**
     * The most probable label other than the model's, or {@code null} when the distribution does
     * not cover {@code labels}.
     */
    public String runnerUp(List<String> labels) {
        int best = -1;
        for (int i = 0; i < labels.size() && i < distribution.length; i++) {
            if (!labels.get(i).equals(label) && (best < 0 || distribution[i] > distribution[best])) {
                best = i;
            }
        }
        return best < 0 || distribution.length != labels.size() ? null : labels.get(best);
    }

    /** The probability the distribution gives {@code candidateLabel}, 0 when it is not among {@code labels}. */
    public double probability(List<String> labels, String candidateLabel) {
        int index = labels.indexOf(candidateLabel);
        return index < 0 || index >= distribution.length ? 0 : distribution[index];
    }
}
