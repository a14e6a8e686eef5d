package dev.solo.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelsToTargetTest {

    /**
     * 6 human labels, 4 machine items at 0.5, 0.7, 0.8, 0.8 (mean 0.7). The checks found them
     * 0.8 accurate (0.7–0.9), so bias +0.1: expected accuracies 0.6, 0.8, 0.9, 0.9 and errors
     * 0.4, 0.2, 0.1, 0.1. Dataset 0.92 (0.88–0.96); each label adds its error / 10 and takes 0.01
     * off the lower gap:
     * <pre>
     * labels  value  gap   lower
     *   0     0.92   0.04  0.88
     *   1     0.96   0.03  0.93
     *   2     0.98   0.02  0.96
     *   3     0.99   0.01  0.98
     *   4     1.00   0     1.00
     * </pre>
     */
    private static final double[] HAND = {0.8, 0.5, 0.8, 0.7};
    private static final AccuracyReport HAND_REPORT = new AccuracyReport(
            new Estimate(0.8, 0.7, 0.9, "test"), new Estimate(0.92, 0.88, 0.96, "test"), 20);

    @Test
    void targetAlreadyMetNeedsNoMoreLabels() {
        assertThat(LabelsToTarget.moreLabels(HAND, HAND_REPORT, 6, 0.85)).hasValue(0);
    }

    @Test
    void leastConfidentItemsFirstMatchTheHandWorkedTable() {
        assertThat(LabelsToTarget.moreLabels(HAND, HAND_REPORT, 6, 0.90)).hasValue(1);
        assertThat(LabelsToTarget.moreLabels(HAND, HAND_REPORT, 6, 0.95)).hasValue(2);
        assertThat(LabelsToTarget.moreLabels(HAND, HAND_REPORT, 6, 0.97)).hasValue(3);
        assertThat(LabelsToTarget.moreLabels(HAND, HAND_REPORT, 6, 0.99)).hasValue(4);
    }

    @Test
    void machineConfidencesAreLeftInTheirOrder() {
        double[] given = HAND.clone();

        LabelsToTarget.moreLabels(given, HAND_REPORT, 6, 0.99);

        assertThat(given).containsExactly(HAND);
    }

    @Test
    void aTargetAboveOneIsNeverReached() {
        assertThat(LabelsToTarget.moreLabels(HAND, HAND_REPORT, 6, 1.01)).isEmpty();
    }

    @Test
    void higherTargetsNeverNeedFewerLabels() {
        double[] machine = confidences(20_000, 3);
        AccuracyReport report = AccuracyEstimator.estimate(machine, checks(machine, 200, 4), 200).orElseThrow();

        int previous = 0;
        for (double target = 0.70; target <= 1.0; target += 0.005) {
            OptionalInt labels = LabelsToTarget.moreLabels(machine, report, 200, target);
            assertThat(labels).as("target %s", target).isPresent();
            assertThat(labels.getAsInt()).as("target %s", target).isGreaterThanOrEqualTo(previous);
            previous = labels.getAsInt();
        }
        assertThat(previous).isPositive();
    }

    @Test
    void projectsForAMillionMachineItems() {
        double[] machine = confidences(1_000_000, 5);
        AccuracyReport report = AccuracyEstimator.estimate(machine, checks(machine, 300, 6), 300).orElseThrow();

        OptionalInt labels = LabelsToTarget.moreLabels(machine, report, 300, 0.97);

        assertThat(labels).isPresent();
        assertThat(labels.getAsInt()).isBetween(1, machine.length);
    }

    /** Mostly confident labels on [0.4, 1], mean 0.85. */
    private static double[] confidences(int count, long seed) {
        Random random = new Random(seed);
        double[] confidences = new double[count];
        for (int i = 0; i < count; i++) {
            double u = random.nextDouble();
            confidences[i] = 1 - 0.6 * u * u * u;
        }
        return confidences;
    }

    /** Checks at confidences like the machine items', right as often as their confidence says. */
    private static List<RandomCheck> checks(double[] machine, int count, long seed) {
        Random random = new Random(seed);
        List<RandomCheck> checks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double confidence = machine[random.nextInt(machine.length)];
            checks.add(new RandomCheck(confidence, random.nextDouble() < confidence));
        }
        return checks;
    }
}
