package dev.solo.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cohen's kappa on a table worked by hand, and its interval's coverage over simulated annotator pairs. */
class AgreementTest {
    private static final List<String> YES_NO = List.of("Yes", "No");
    private static final List<String> THREE = List.of("Positive", "Neutral", "Negative");

    @Test
    void theWorkedTableGivesKappaPointFour() {
        // 50 items: both Yes 20, first Yes second No 5, first No second Yes 10, both No 15.
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        add(first, second, "Yes", "Yes", 20);
        add(first, second, "Yes", "No", 5);
        add(first, second, "No", "Yes", 10);
        add(first, second, "No", "No", 15);

        Agreement agreement = Agreement.of(first, second, YES_NO);

        // p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; kappa = 0.2 / 0.5 = 0.4.
        assertThat(agreement.observed()).isCloseTo(0.7, within(1e-12));
        assertThat(agreement.kappa().value()).isCloseTo(0.4, within(1e-12));
        // Var(kappa) by Fleiss, Cohen and Everitt: se 0.1270, so 0.4 ± 1.96·0.1270.
        assertThat(agreement.kappa().low()).isCloseTo(0.1511, within(1e-3));
        assertThat(agreement.kappa().high()).isCloseTo(0.6489, within(1e-3));
        // Specific agreement: Yes 2·20/(25+30) = 0.727…, No 2·15/(25+20) = 0.667.
        assertThat(agreement.perLabel().get("Yes")).isCloseTo(40.0 / 55, within(1e-12));
        assertThat(agreement.perLabel().get("No")).isCloseTo(30.0 / 45, within(1e-12));
        assertThat(agreement.kappa().basis()).isEqualTo("50 items labeled by both");
    }

    @Test
    void perfectAgreementIsOneAndAnUnusedLabelHasNoAgreement() {
        List<String> same = List.of("Positive", "Negative", "Positive", "Negative");

        Agreement agreement = Agreement.of(same, same, THREE);

        assertThat(agreement.kappa().value()).isEqualTo(1.0);
        assertThat(agreement.perLabel().get("Neutral")).isNull();
        assertThat(agreement.perLabel().get("Positive")).isEqualTo(1.0);
    }

    @Test
    void theIntervalCoversTheTrueKappaInAbout95PercentOfRuns() {
        double[][][] populations = {
                // A balanced three-label task with moderate agreement.
                {{0.25, 0.05, 0.03}, {0.04, 0.20, 0.05}, {0.02, 0.06, 0.30}},
                // A skewed one: most items one label, high agreement.
                {{0.70, 0.03, 0.01}, {0.04, 0.10, 0.02}, {0.01, 0.02, 0.07}},
        };
        for (double[][] population : populations) {
            double truth = kappaOf(population);
            for (int n : new int[] {100, 300}) {
                Random random = new Random(11 + n);
                int covered = 0;
                int runs = 1000;
                for (int run = 0; run < runs; run++) {
                    List<String> first = new ArrayList<>();
                    List<String> second = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        int[] cell = draw(population, random);
                        first.add(THREE.get(cell[0]));
                        second.add(THREE.get(cell[1]));
                    }
                    Estimate kappa = Agreement.of(first, second, THREE).kappa();
                    covered += kappa.low() <= truth && truth <= kappa.high() ? 1 : 0;
                }
                // The large-sample interval holds about 93.5% with skewed labels at n = 100 (10,000 runs): allow
                // for that and for 1,000 runs' sampling error (sd 0.008).
                assertThat(covered / (double) runs).as("coverage at n=%d, true kappa %.3f", n, truth).isBetween(0.915, 0.975);
            }
        }
    }

    private static double kappaOf(double[][] p) {
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < p.length; i++) {
            observed += p[i][i];
            double row = 0;
            double column = 0;
            for (int j = 0; j < p.length; j++) {
                row += p[i][j];
                column += p[j][i];
            }
            expected += row * column;
        }
        return (observed - expected) / (1 - expected);
    }

    private static int[] draw(double[][] p, Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                u -= p[i][j];
                if (u < 0) {
                    return new int[] {i, j};
                }
            }
        }
        return new int[] {p.length - 1, p.length - 1};
    }

    private static void add(List<String> first, List<String> second, String a, String b, int times) {
        first.addAll(Collections.nCopies(times, a));
        second.addAll(Collections.nCopies(times, b));
    }
}
