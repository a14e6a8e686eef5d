package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.metrics.AccuracyReport;
import dev.solo.metrics.Estimate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The next active batch draws at random what the interval lacks, and only when the estimate is at the target. */
class EvidenceShareTest {
    private static Optional<AccuracyReport> estimate(double value, double low, int randomLabels) {
        Estimate dataset = new Estimate(value, low, Math.min(1, 2 * value - low), "test");
        return Optional.of(new AccuracyReport(dataset, dataset, randomLabels));
    }

    @Test
    void belowTheTargetOrAlreadyProvenTheConfiguredShareStays() {
        assertThat(EvidenceShare.of(Optional.empty(), 0.93, 0.2, 250, 1.0)).isEqualTo(0.2);
        assertThat(EvidenceShare.of(estimate(0.91, 0.85, 60), 0.93, 0.2, 250, 1.0)).isEqualTo(0.2);
        assertThat(EvidenceShare.of(estimate(0.97, 0.94, 60), 0.93, 0.2, 250, 1.0)).isEqualTo(0.2);
    }

    @Test
    void atTheTargetWithTheEvidenceWithinReachWholeBatchesAreRandom() {
        // Half-width 0.04 against a margin of 0.02: four times the 60 random labels, 180 more, fit in 250.
        assertThat(EvidenceShare.of(estimate(0.95, 0.91, 60), 0.93, 0.2, 250, 1.0)).isEqualTo(1.0);
    }

    @Test
    void theFurtherTheEvidenceIsOutOfReachTheMoreOfTheBatchGoesToTheModel() {
        // Margin 0.01: sixteen times the 60 labels, 900 more, against 250 left.
        double far = EvidenceShare.of(estimate(0.94, 0.90, 60), 0.93, 0.2, 250, 1.0);
        double nearer = EvidenceShare.of(estimate(0.95, 0.91, 60), 0.93, 0.2, 150, 1.0);
        assertThat(far).isCloseTo(250.0 / 900, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(nearer).isGreaterThan(far);
        assertThat(EvidenceShare.of(estimate(0.931, 0.85, 60), 0.93, 0.2, 250, 1.0)).isEqualTo(0.2);
    }

    @Test
    void aNinetyFivePercentBoundAtTheTargetStillLacksTheEvidenceALaterLookStopsOn() {
        // 0.97 (0.94-1.00) clears 0.93 at 95%; widened 1.8 times, the bound is 0.916.
        assertThat(EvidenceShare.of(estimate(0.97, 0.94, 60), 0.93, 0.2, 250, 1.8)).isGreaterThan(0.2);
        assertThat(EvidenceShare.of(estimate(0.99, 0.96, 60), 0.93, 0.2, 250, 1.8)).isEqualTo(0.2);
    }
}
