package dev.solo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.solo.label.LabelCounts;
import dev.solo.label.LabelSource;
import dev.solo.label.LabeledRow;
import dev.solo.label.ModelLabel;
import dev.solo.select.QueueEntry;
import dev.solo.workflow.Phase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task started by an earlier solo opens intact: schema 4 (one machine label per item, queues without batches), 11 (no kept counts). */
class MigrationTest {
    @TempDir
    Path dir;

    @Test
    void machineLabelsQueuesAndHumanLabelsOfSchemaFourAreCarriedOver() throws SQLException {
        Path file = dir.resolve("state.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = old.createStatement()) {
            Migrations.applyUpTo(old, 4);
            sql.execute("""
                    INSERT INTO items(id, text, source_file, source_line, import_run) VALUES
                      ('a', 'one', 'd.jsonl', 1, 1), ('b', 'two', 'd.jsonl', 2, 1),
                      ('c', 'three', 'd.jsonl', 3, 1), ('d', 'four', 'd.jsonl', 4, 1)""");
            sql.execute("""
                    INSERT INTO human_events(item_id, schema_name, kind, value, phase, round, annotator, created_at)
                    VALUES ('a', 'sentiment', 'label', 'Neutral', 1, 1, 'oracle', 1000)""");
            sql.execute("""
                    INSERT INTO model_labels(item_id, schema_name, value, confidence, margin, reasoning, source, labeler,
                                             phase, round, created_at) VALUES
                      ('b', 'sentiment', 'Positive', 0.8, 0.6, NULL, 'llm', 'local:e5-small-v2', 2, 1, 2000),
                      ('c', 'sentiment', 'Negative', 0.9, 0.8, 'sounds bad', 'llm', 'openai:gpt', 2, 1, 2000),
                      ('d', 'sentiment', 'Neutral', 0.7, 0.0, NULL, 'labeling_function', 'lf', 5, 1, 3000)""");
            sql.execute("""
                    INSERT INTO selection_queue(phase, round, position, item_id, reason) VALUES
                      (1, 1, 0, 'a', 'diversity: nearest the centre of cluster 1 of 2'),
                      (1, 1, 1, 'b', 'stratified sample, length band 2/5'),
                      (1, 1, 2, 'c', 'random sample')""");
        }

        try (SqliteStore store = SqliteStore.open(file)) {
            List<LabeledRow> rows = new ArrayList<>();
            store.labeledRows().forEach(rows::add);

            assertThat(rows).extracting(LabeledRow::itemId, LabeledRow::value, LabeledRow::source, LabeledRow::setupVersion)
                    .containsExactly(tuple("a", "Neutral", LabelSource.HUMAN, 1),
                            tuple("b", "Positive", LabelSource.LLM, 1),
                            tuple("c", "Negative", LabelSource.LLM, 1),
                            tuple("d", "Neutral", LabelSource.LABELING_FUNCTION, 1));
            assertThat(store.labeledRows().counts()).isEqualTo(new LabelCounts(4, 1, 1, 2));
            assertThat(store.predictions().of("c", "sentiment").orElseThrow().prediction().reasoning())
                    .isEqualTo("sounds bad");
            assertThat(store.workflow().queue(Phase.SEED_ANNOTATION, 1, 0)).containsExactly(
                    new QueueEntry("a", "diversity", "nearest the centre of cluster 1 of 2"),
                    new QueueEntry("b", "stratified", "length band 2/5"),
                    new QueueEntry("c", "random", ""));
            assertThat(store.humans().examples("sentiment")).hasSize(1);
        }
        try (Connection migrated = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = migrated.createStatement();
             ResultSet files = sql.executeQuery("SELECT count(*), min(path), (SELECT count(*) FROM items i JOIN source_files s "
                     + "ON s.id = i.source_file_id AND s.path = 'd.jsonl') FROM source_files")) {
            assertThat(files.getInt(1)).as("the data file's path stored once").isEqualTo(1);
            assertThat(files.getString(2)).isEqualTo("d.jsonl");
            assertThat(files.getInt(3)).as("every item points at it").isEqualTo(4);
        }
    }

    @Test
    void aSchemaElevenTaskKeepsEveryLabelClusteredByItemAndGetsItsCountsKeptOnWrite() throws SQLException {
        Path file = dir.resolve("state.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = old.createStatement()) {
            Migrations.applyUpTo(old, 11);
            sql.execute("INSERT INTO source_files(id, path) VALUES (1, 'd.jsonl')");
            sql.execute("""
                    INSERT INTO items(id, text, source_file_id, source_line, import_run, synthetic) VALUES
                      ('a', 'one', 1, 1, 1, 0), ('b', 'two', 1, 2, 1, 0), ('c', 'three', 1, 3, 1, 0),
                      ('d', 'four', 1, 4, 1, 0), ('e', 'five', 1, 5, 1, 0), ('s1', 'made up', NULL, 0, 0, 1)""");
            sql.execute("""
                    INSERT INTO predictions(item_id, schema_name, value, confidence, margin, labeler, phase, round,
                                            setup_version, created_at) VALUES
                      ('a', 'sentiment', 'Positive', 0.9, 0.8, 'local:test', 6, 1, 1, 2000),
                      ('b', 'sentiment', 'Positive', 0.6, 0.2, 'local:test', 6, 1, 1, 2000),
                      ('c', 'sentiment', 'Negative', 0.7, 0.4, 'local:test', 6, 1, 1, 2000),
                      ('s1', 'sentiment', 'Negative', 0.7, 0.4, 'local:test', 9, 1, 1, 2000)""");
            sql.execute("""
                    INSERT INTO function_labels(item_id, schema_name, value, confidence, functions, phase, round,
                                                setup_version, created_at) VALUES
                      ('b', 'sentiment', 'Negative', 0.8, 'keyword:awful', 5, 1, 1, 3000),
                      ('c', 'sentiment', 'Negative', 0.65, 'keyword:awful', 5, 1, 1, 3000),
                      ('d', 'sentiment', 'Negative', 0.8, 'keyword:awful', 5, 1, 1, 3000)""");
            sql.execute("""
                    INSERT INTO human_events(seq, item_id, schema_name, kind, value, retracts, phase, round, annotator,
                                             created_at) VALUES
                      (1, 'a', 'sentiment', 'label', 'Neutral', NULL, 1, 1, 'oracle', 1000),
                      (2, 'd', 'sentiment', 'label', 'Neutral', NULL, 6, 1, 'oracle', 4000),
                      (3, 'd', 'sentiment', 'retract', NULL, 2, 6, 1, 'oracle', 4100),
                      (4, 's1', 'sentiment', 'label', 'Positive', NULL, 9, 1, 'oracle', 5000)""");
            sql.execute("INSERT INTO embeddings(model, item_id, scale, vector) VALUES ('m', 'a', 1, x'01'), ('m', 'b', 1, x'02')");
        }
        List<String> labelsBefore = everyRow(file, "SELECT * FROM current_labels ORDER BY seq");
        List<String> predictionsBefore = everyRow(file, "SELECT * FROM predictions ORDER BY item_id");
        List<String> votesBefore = everyRow(file, "SELECT * FROM function_labels ORDER BY item_id");

        try (SqliteStore store = SqliteStore.open(file)) {
            // a: the person's; b: the vote (0.8 > 0.6); c: the model (0.7 > 0.65); d: the vote (its label taken back).
            assertThat(store.labeledRows().counts()).isEqualTo(new LabelCounts(5, 1, 2, 1));
            assertThat(store.labeledRowsWithSynthetic().counts()).isEqualTo(new LabelCounts(6, 2, 2, 1));
            assertThat(store.functionLabels().count()).isEqualTo(3);
            assertThat(store.vectors().countVectors("m")).isEqualTo(2);
            assertThat(everyRow(file, "SELECT * FROM current_labels ORDER BY seq")).isEqualTo(labelsBefore);
            assertThat(everyRow(file, "SELECT * FROM predictions ORDER BY item_id")).isEqualTo(predictionsBefore);
            assertThat(everyRow(file, "SELECT * FROM function_labels ORDER BY item_id")).isEqualTo(votesBefore);
            assertThat(everyRow(file, "SELECT name FROM sqlite_master WHERE sql LIKE '%WITHOUT ROWID'"))
                    .as("both clustered by item").contains("[predictions]", "[function_labels]");

            store.predictions().save(List.of(new ModelLabel(dev.solo.labeler.Prediction.of("d",
                    List.of("Positive", "Negative"), new double[] {0.9, 0.1}, null), "sentiment", "local:test",
                    Phase.ACTIVE_LABELING, 2, 1, java.time.Instant.ofEpochMilli(6000))));
            assertThat(store.labeledRows().counts()).as("the model now beats the vote on d")
                    .isEqualTo(new LabelCounts(5, 1, 1, 2));
        }
    }

    /** Every row of {@code query}, each as its columns' text, read on a connection of its own. */
    private static List<String> everyRow(Path file, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getString(column));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
