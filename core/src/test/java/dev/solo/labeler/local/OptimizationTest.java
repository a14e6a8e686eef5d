package dev.solo.labeler.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.solo.labeler.TemperatureScaling;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OptimizationTest {

    @Test
    void lbfgsFindsTheMinimumOfAnIllConditionedQuadratic() {
        // f(x) = sum (i+1)^2 (x_i - i)^2, minimum at x_i = i
        int n = 20;
        double[] minimum = Lbfgs.minimize((x, gradient) -> {
            double value = 0;
            for (int i = 0; i < n; i++) {
                double weight = (i + 1.0) * (i + 1.0);
                value += weight * (x[i] - i) * (x[i] - i);
                gradient[i] = 2 * weight * (x[i] - i);
            }
            return value;
        }, new double[n], 1e-9, 1000);

        for (int i = 0; i < n; i++) {
            assertThat(minimum[i]).isCloseTo(i, within(1e-6));
        }
    }

    @Test
    void regressionSeparatesSeparableClassesAndItsProbabilitiesSumToOne() {
        Random random = new Random(3);
        double[][] features = new double[90][2];
        int[] labels = new int[90];
        double[][] centres = {{1, 0}, {-0.5, 0.87}, {-0.5, -0.87}};
        for (int i = 0; i < 90; i++) {
            labels[i] = i % 3;
            features[i][0] = centres[labels[i]][0] + random.nextGaussian() * 0.1;
            features[i][1] = centres[labels[i]][1] + random.nextGaussian() * 0.1;
        }

        SoftmaxRegression regression = SoftmaxRegression.fit(features, labels, 3, 100, null);

        for (int i = 0; i < 90; i++) {
            double[] p = TemperatureScaling.softmax(regression.logits(features[i]), 1.0);
            assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-12));
            assertThat(p[labels[i]]).isGreaterThan(0.5);
        }
    }

    @Test
    void temperatureCoolsOverconfidentScoresAndWarmsTimidOnes() {
        // argmax right 6 times of 10, with scores that claim 99%
        double[][] loud = new double[10][];
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) {
            loud[i] = new double[] {5, 0};
            labels[i] = i < 6 ? 0 : 1;
        }
        // argmax always right, with scores that claim ~52%
        double[][] timid = new double[10][];
        int[] allFirst = new int[10];
        for (int i = 0; i < 10; i++) {
            timid[i] = new double[] {0.1, 0};
        }

        double cooled = TemperatureScaling.fit(loud, labels);
        double warmed = TemperatureScaling.fit(timid, allFirst);

        // the first label wins 0.6 of the time exactly when 5/T = ln(0.6/0.4)
        assertThat(cooled).isCloseTo(5 / Math.log(1.5), within(0.01));
        assertThat(warmed).isLessThan(0.1);
    }
}
