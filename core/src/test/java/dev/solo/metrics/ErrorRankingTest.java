package dev.solo.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A remote model sure of everything and an embedded one that knows where it errs: the
 * combination ranks the errors first, says which signal did, and its probabilities are calibrated.
 */
class ErrorRankingTest {

    /** The remote model says 0.9 whether right or not; the embedded probability of its label tracks the truth. */
    private static List<ErrorRanking.Observation> simulate(int n, Random random) {
        List<ErrorRanking.Observation> observations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean right = random.nextDouble() < 0.8;
            double remote = 0.85 + 0.1 * random.nextDouble();
            double embedded = right ? 0.3 + 0.65 * random.nextDouble() : 0.05 + 0.6 * random.nextDouble();
            observations.add(new ErrorRanking.Observation(remote, embedded, right));
        }
        return observations;
    }

    @Test
    void theEmbeddedSignalRanksTheErrorsAndTheComparisonSaysSo() {
        ErrorRanking.Comparison comparison = ErrorRanking.compare(simulate(300, new Random(3)), new Random(4));

        assertThat(comparison.remote()).isCloseTo(0.5, within(0.08));
        assertThat(comparison.embedded()).isGreaterThan(0.75);
        assertThat(comparison.combined()).isGreaterThan(comparison.remote() + 0.15);
        assertThat(comparison.labels()).isEqualTo(300);
    }

    @Test
    void theFittedChanceOfBeingRightIsCalibratedOnFreshLabels() {
        ErrorRanking ranking = ErrorRanking.fit(simulate(400, new Random(5)));
        List<ErrorRanking.Observation> fresh = simulate(20_000, new Random(6));

        double[] predicted = new double[2];
        double[] observed = new double[2];
        int[] counts = new int[2];
        for (ErrorRanking.Observation o : fresh) {
            double p = ranking.probabilityRight(o.remoteConfidence(), o.embeddedProbability());
            int bin = p < 0.7 ? 0 : 1;
            predicted[bin] += p;
            observed[bin] += o.correct() ? 1 : 0;
            counts[bin]++;
        }
        for (int bin = 0; bin < 2; bin++) {
            assertThat(counts[bin]).isGreaterThan(1_000);
            assertThat(observed[bin] / counts[bin]).as("bin %d", bin).isCloseTo(predicted[bin] / counts[bin], within(0.05));
        }
    }

    @Test
    void aurocIsTheShareOfRightErrorPairsInOrder() {
        assertThat(ErrorRanking.auroc(new double[] {0.9, 0.8, 0.3, 0.2}, new boolean[] {true, true, false, false})).isEqualTo(1.0);
        assertThat(ErrorRanking.auroc(new double[] {0.9, 0.2, 0.8, 0.3}, new boolean[] {true, true, false, false})).isEqualTo(0.5);
        assertThat(ErrorRanking.auroc(new double[] {0.5, 0.5}, new boolean[] {true, false})).isEqualTo(0.5);
    }
}
