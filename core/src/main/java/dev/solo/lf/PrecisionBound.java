package dev.solo.lf;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The one-sided 95% lower bound on a rule's precision from {@code correct} of {@code n} checked
 * votes: Clopper–Pearson, exact for a binomial, so it holds at any n (29 of 29 right gives 0.902).
 */
public final class PrecisionBound {
    static final double ALPHA = 0.05;

    private PrecisionBound() {
    }

    public static double lower(int correct, int n) {
        if (correct < 0 || correct > n) {
            throw new IllegalArgumentException(correct + " right of " + n);
        }
        if (correct == 0) {
            return 0;
        }
        return new BetaDistribution(correct, n - correct + 1).inverseCumulativeProbability(ALPHA);
    }
}
