package dev.solo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solo.label.LabelingSetup;
import dev.solo.metrics.BatchResult;
import dev.solo.metrics.Estimate;
import dev.solo.workflow.Phase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelingSetupsTest {
    private static final Instant AT = Instant.ofEpochMilli(5_000);

    @TempDir
    Path dir;

    @Test
    void versionOneComesFromTheConfigOnceAndLaterVersionsFollowIt() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("state.db"))) {
            LabelingSetup first = new LabelingSetup(1, "Overall sentiment.", null, List.of(), "config", "", AT);
            assertThatThrownBy(() -> store.setups().current()).isInstanceOf(IllegalStateException.class);

            assertThat(store.setups().saveFirst(first)).isEqualTo(first);
            LabelingSetup edited = first.withGuidelines("Hedged praise is Neutral.", "oracle (--approve all)",
                    "Positive -> Neutral, 12 errors", AT);
            store.setups().save(edited);
            assertThat(store.setups().saveFirst(first)).isEqualTo(edited);

            assertThat(store.setups().current().version()).isEqualTo(2);
            assertThat(store.setups().current().guidelines()).isEqualTo("Hedged praise is Neutral.");
            assertThat(store.setups().history()).containsExactly(first, edited);
            assertThatThrownBy(() -> store.setups().save(edited)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void batchResultsAreKeptPerPhaseRoundAndBatch() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("state.db"))) {
            BatchResult first = new BatchResult(Phase.CONFIDENCE_ESCALATION, 1, 1, 25, 23,
                    Optional.of(new Estimate(0.91, 0.87, 0.94, "74 random labels")), AT);
            BatchResult second = new BatchResult(Phase.CONFIDENCE_ESCALATION, 1, 2, 25, 25, Optional.empty(), AT);
            store.measurements().saveBatchResult(second);
            store.measurements().saveBatchResult(first);

            assertThat(store.measurements().batchResults(Phase.CONFIDENCE_ESCALATION)).containsExactly(first, second);
            assertThat(store.measurements().batchResults(Phase.ACTIVE_LABELING)).isEmpty();
        }
    }
}
