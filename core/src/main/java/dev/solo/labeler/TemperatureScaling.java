package dev.solo.labeler;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * The temperature that makes softmax probabilities honest: the one minimizing the negative
 * log-likelihood of held-out (out-of-fold) scores against the human labels. One parameter, so
 * it cannot change which label wins, only how sure the model says it is.
 */
public final class TemperatureScaling {
    private static final double LOWEST = 0.05;
    private static final double HIGHEST = 20;

    private TemperatureScaling() {
    }

    public static double fit(double[][] heldOutLogits, int[] labels) {
        if (heldOutLogits.length == 0) {
            return 1.0;
        }
        BrentOptimizer brent = new BrentOptimizer(1e-6, 1e-8);
        double logTemperature = brent.optimize(
                new UnivariateObjectiveFunction(t -> negativeLogLikelihood(heldOutLogits, labels, Math.exp(t))),
                GoalType.MINIMIZE,
                new SearchInterval(Math.log(LOWEST), Math.log(HIGHEST)),
                new MaxEval(200)).getPoint();
        return Math.exp(logTemperature);
    }

    public static double negativeLogLikelihood(double[][] logits, int[] labels, double temperature) {
        double loss = 0;
        for (int i = 0; i < logits.length; i++) {
            loss -= Math.log(Math.max(softmax(logits[i], temperature)[labels[i]], 1e-300));
        }
        return loss / logits.length;
    }

    /** Softmax of scores divided by a temperature, computed stably. */
    public static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit / temperature);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k] / temperature - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
