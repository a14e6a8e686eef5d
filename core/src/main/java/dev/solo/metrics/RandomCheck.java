package dev.solo.metrics;

/**
 * One item drawn uniformly at random and labeled by the person: the calibrated confidence the
 * machine's label on it had, from a model that had not learned this label, and whether that
 * label matched the person's.
 *
 * <p>Only uniformly drawn items qualify. Items the person labeled because the model was unsure
 * (or for any other reason) are selected by their confidence, so their errors say nothing about
 * the rest of the data.
 */
public record RandomCheck(double confidence, boolean correct) {
    public RandomCheck {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }
}
