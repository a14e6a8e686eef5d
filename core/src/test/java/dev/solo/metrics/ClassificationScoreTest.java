package dev.solo.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.solo.config.PhasesConfig.Metric;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Accuracy and macro F1 on a table worked by hand; the bootstrap interval's coverage over simulated samples. */
class ClassificationScoreTest {

    @Test
    void macroF1AveragesEachLabelsF1() {
        // Label 0: 2 right, 1 missed (predicted 1); label 1: 1 right, 1 false alarm; label 2: 1 right.
        int[] truth = {0, 0, 0, 1, 2};
        int[] predicted = {0, 0, 1, 1, 2};

        // F1: label 0 = 2·2/(3+2) = 0.8, label 1 = 2·1/(1+2) = 0.667, label 2 = 1.
        assertThat(ClassificationScore.score(Metric.F1_MACRO, truth, predicted, 3, null))
                .isCloseTo((0.8 + 2.0 / 3 + 1) / 3, within(1e-12));
        assertThat(ClassificationScore.score(Metric.ACCURACY, truth, predicted, 3, null)).isEqualTo(0.8);
    }

    @Test
    void theAccuracyIntervalCoversTheTruthInAbout95PercentOfSamples() {
        double truth = 0.8;
        int covered = 0;
        int runs = 1000;
        Random random = new Random(9);
        for (int run = 0; run < runs; run++) {
            int n = 200;
            int[] gold = new int[n];
            int[] predicted = new int[n];
            for (int i = 0; i < n; i++) {
                gold[i] = random.nextInt(3);
                predicted[i] = random.nextDouble() < truth ? gold[i] : (gold[i] + 1 + random.nextInt(2)) % 3;
            }
            Estimate estimate = ClassificationScore.of(Metric.ACCURACY, gold, predicted, 3, "simulated", random);
            covered += estimate.low() <= truth && truth <= estimate.high() ? 1 : 0;
        }
        assertThat(covered / (double) runs).isBetween(0.93, 0.97);
    }

    @Test
    void aClearlyBetterPredictorWinsNearlyEveryPairedResample() {
        Random random = new Random(4);
        int n = 300;
        int[] gold = new int[n];
        int[] good = new int[n];
        int[] poor = new int[n];
        for (int i = 0; i < n; i++) {
            gold[i] = random.nextInt(2);
            good[i] = random.nextDouble() < 0.9 ? gold[i] : 1 - gold[i];
            poor[i] = random.nextDouble() < 0.7 ? gold[i] : 1 - gold[i];
        }

        assertThat(ClassificationScore.shareBetter(Metric.ACCURACY, gold, good, poor, 2, new Random(1))).isGreaterThan(0.99);
        assertThat(ClassificationScore.shareBetter(Metric.ACCURACY, gold, good, good, 2, new Random(1))).isZero();
    }
}
