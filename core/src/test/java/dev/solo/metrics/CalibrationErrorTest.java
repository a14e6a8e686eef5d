package dev.solo.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationErrorTest {

    @Test
    void perfectlyCalibratedBinsGiveZero() {
        // bin 0.9: 9 of 10 right at 0.9; bin 0.5: 1 of 2 right at 0.5
        double[] confidences = {0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.5, 0.5};
        boolean[] correct = {true, true, true, true, true, true, true, true, true, false, true, false};

        assertThat(CalibrationError.expected(confidences, correct)).isCloseTo(0, within(1e-12));
    }

    @Test
    void gapsAreWeightedByTheBinsShare() {
        // bin 0.9-1.0: 4 items at 1.0, 2 right (gap 0.5, weight 4/5); bin 0.3: 1 item at 0.3, right (gap 0.7, weight 1/5)
        double[] confidences = {1.0, 1.0, 1.0, 1.0, 0.3};
        boolean[] correct = {true, true, false, false, true};

        assertThat(CalibrationError.expected(confidences, correct)).isCloseTo(0.8 * 0.5 + 0.2 * 0.7, within(1e-12));
    }
}
