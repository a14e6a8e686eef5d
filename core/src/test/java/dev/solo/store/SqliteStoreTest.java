package dev.solo.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.config.ItemProperties;
import dev.solo.dataset.DatasetImporter;
import dev.solo.human.HumanLabel;
import dev.solo.label.LabelCounts;
import dev.solo.label.LabelSource;
import dev.solo.label.LabeledRow;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
    @TempDir
    Path dir;

    private Path stateFile;

    @BeforeEach
    void importThreeItems() throws IOException {
        stateFile = dir.resolve("state.db");
        Path data = Files.writeString(dir.resolve("d.jsonl"),
                "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n{\"id\":\"c\",\"text\":\"three\"}\n");
        try (SqliteStore store = SqliteStore.open(stateFile)) {
            new DatasetImporter(store.items()).importFiles(List.of(data), ItemProperties.DEFAULT);
        }
    }

    @Test
    void aSavedLabelIsThereWhenTheFileIsOpenedAgain() {
        try (SqliteStore store = SqliteStore.open(stateFile)) {
            store.humans().saveLabel(label("a", "Positive"));
        }
        try (SqliteStore reopened = SqliteStore.open(stateFile)) {
            assertThat(reopened.humans().labeledItems(Phase.SEED_ANNOTATION, 1)).containsExactly("a");
            assertThat(reopened.labeledRows().counts()).isEqualTo(new LabelCounts(3, 1, 0, 0));
        }
    }

    @Test
    void undoWritesARetractionAndDeletesNothing() throws SQLException {
        try (SqliteStore store = SqliteStore.open(stateFile)) {
            store.humans().saveLabel(label("a", "Positive"));
            store.humans().saveSkip("b", "sentiment", Phase.SEED_ANNOTATION, 1, "tester");

            assertThat(store.humans().undoLatest(Phase.SEED_ANNOTATION, 1)).contains("b");
            assertThat(store.humans().undoLatest(Phase.SEED_ANNOTATION, 1)).contains("a");
            assertThat(store.humans().undoLatest(Phase.SEED_ANNOTATION, 1)).isEmpty();
            assertThat(store.humans().answeredItems(Phase.SEED_ANNOTATION, 1)).isEmpty();
            assertThat(store.humans().labeledItemCount()).isZero();
        }
        assertThat(eventKinds()).containsExactly("label", "skip", "retract", "retract");
    }

    @Test
    void theLatestLabelOfAnItemIsTheOneExported() {
        try (SqliteStore store = SqliteStore.open(stateFile)) {
            store.humans().saveLabel(label("a", "Positive"));
            store.humans().saveLabel(label("a", "Negative"));
            List<LabeledRow> rows = new ArrayList<>();
            store.labeledRows().forEach(rows::add);

            assertThat(rows).extracting(LabeledRow::itemId, LabeledRow::value, LabeledRow::source)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "Negative", LabelSource.HUMAN));
        }
    }

    @Test
    void workflowStateAndPhaseChangesPersist() {
        try (SqliteStore store = SqliteStore.open(stateFile)) {
            assertThat(store.workflow().state()).isEqualTo(WorkflowState.START);
            store.workflow().save(new WorkflowState(Phase.INITIAL_CALIBRATION, 1, 0,
                    WorkflowState.Status.NOT_BUILT, "not built"), "seed done");
        }
        try (SqliteStore reopened = SqliteStore.open(stateFile)) {
            assertThat(reopened.workflow().state().phase()).isEqualTo(Phase.INITIAL_CALIBRATION);
            assertThat(reopened.workflow().state().status()).isEqualTo(WorkflowState.Status.NOT_BUILT);
        }
    }

    @Test
    void theSchemaVersionIsTrackedAndUsesWal() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + stateFile);
             ResultSet version = connection.createStatement().executeQuery("PRAGMA user_version");
             ResultSet journal = connection.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertThat(version.getInt(1)).isEqualTo(Migrations.latestVersion());
            assertThat(journal.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void aSecondLockOnTheSameTaskIsRefusedUntilReleased() {
        try (TaskLock first = TaskLock.tryAcquire(stateFile).orElseThrow()) {
            assertThat(TaskLock.tryAcquire(stateFile)).isEmpty();
        }
        assertThat(TaskLock.tryAcquire(stateFile)).isPresent().get().satisfies(TaskLock::close);
    }

    private List<String> eventKinds() throws SQLException {
        List<String> kinds = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + stateFile);
             ResultSet result = connection.createStatement().executeQuery("SELECT kind FROM human_events ORDER BY seq")) {
            while (result.next()) {
                kinds.add(result.getString(1));
            }
        }
        return kinds;
    }

    private static HumanLabel label(String id, String value) {
        return new HumanLabel(id, "sentiment", value, Phase.SEED_ANNOTATION, 1, "tester", Instant.now(), 10, "random", 1);
    }
}
