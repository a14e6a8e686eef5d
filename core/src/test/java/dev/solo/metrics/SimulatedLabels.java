package dev.solo.metrics;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Machine labels whose truth is known: each item's confidence is drawn from {@code shape} applied to
 * a uniform number, and it is right with probability {@code truth} of that confidence.
 */
record SimulatedLabels(double[] confidence, boolean[] correct) {
    static SimulatedLabels draw(int items, DoubleUnaryOperator shape, DoubleUnaryOperator truth, long seed) {
        Random random = new Random(seed);
        double[] confidence = new double[items];
        boolean[] correct = new boolean[items];
        for (int i = 0; i < items; i++) {
            confidence[i] = shape.applyAsDouble(random.nextDouble());
            correct[i] = random.nextDouble() < truth.applyAsDouble(confidence[i]);
        }
        return new SimulatedLabels(confidence, correct);
    }
}
