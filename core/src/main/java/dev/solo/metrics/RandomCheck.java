package dev.solo.metrics;

/**
 * One item drawn uniformly at random and labeled by the person, with the calibrated confidence the
 * machine's label on it had (from a model that had not learned that label) and whether that label
 * matched the person's.
 */
public record RandomCheck(double confidence, boolean correct) {
}
