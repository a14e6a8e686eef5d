package dev.solo.labeler.local;

import dev.solo.labeler.TemperatureScaling;
import java.util.Arrays;

/**
 * Multinomial logistic regression with an L2 penalty, fitted by L-BFGS. Minimizes the mean
 * cross-entropy plus {@code 1/(2·C·n)} times the squared weights (biases unpenalized), the same
 * objective as scikit-learn's {@code C}.
 */
final class SoftmaxRegression {
    private static final int MAX_ITERATIONS = 1000;
    private static final double GRADIENT_TOLERANCE = 1e-5;

    private final int classes;
    private final int dimension;
    /** Row-major [class][dimension + 1]; the last column is the bias. */
    private final double[] weights;

    private SoftmaxRegression(int classes, int dimension, double[] weights) {
        this.classes = classes;
        this.dimension = dimension;
        this.weights = weights;
    }

    static SoftmaxRegression fit(double[][] features, int[] labels, int classes, double c, double[] warmStart) {
        int dimension = features[0].length;
        Objective objective = new Objective(features, labels, classes, 1.0 / (c * features.length));
        double[] start = warmStart != null ? warmStart : new double[classes * (dimension + 1)];
        double[] weights = Lbfgs.minimize(objective::valueAndGradient, start, GRADIENT_TOLERANCE, MAX_ITERATIONS);
        return new SoftmaxRegression(classes, dimension, weights);
    }

    double[] parameters() {
        return weights.clone();
    }

    /** Unnormalized class scores. */
    double[] logits(double[] x) {
        return logits(weights, x, classes, dimension);
    }

    private static double[] logits(double[] weights, double[] x, int classes, int dimension) {
        double[] scores = new double[classes];
        for (int k = 0; k < classes; k++) {
            int offset = k * (dimension + 1);
            double sum = weights[offset + dimension];
            for (int d = 0; d < dimension; d++) {
                sum += weights[offset + d] * x[d];
            }
            scores[k] = sum;
        }
        return scores;
    }

    private record Objective(double[][] features, int[] labels, int classes, double penalty) {

        double valueAndGradient(double[] w, double[] gradient) {
            int dimension = features[0].length;
            Arrays.fill(gradient, 0);
            double loss = 0;
            for (int i = 0; i < features.length; i++) {
                double[] p = TemperatureScaling.softmax(logits(w, features[i], classes, dimension), 1.0);
                loss -= Math.log(Math.max(p[labels[i]], 1e-300));
                p[labels[i]] -= 1;
                for (int k = 0; k < classes; k++) {
                    int offset = k * (dimension + 1);
                    double error = p[k] / features.length;
                    for (int d = 0; d < dimension; d++) {
                        gradient[offset + d] += error * features[i][d];
                    }
                    gradient[offset + dimension] += error;
                }
            }
            double squares = 0;
            for (int k = 0; k < classes; k++) {
                int offset = k * (dimension + 1);
                for (int d = 0; d < dimension; d++) {
                    gradient[offset + d] += penalty * w[offset + d];
                    squares += w[offset + d] * w[offset + d];
                }
            }
            return loss / features.length + penalty / 2 * squares;
        }
    }
}
