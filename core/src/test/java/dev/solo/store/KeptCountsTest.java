package dev.solo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solo.config.ItemProperties;
import dev.solo.dataset.DatasetImporter;
import dev.solo.embed.StoredVector;
import dev.solo.label.FunctionLabel;
import dev.solo.label.LabelCounts;
import dev.solo.label.ModelLabel;
import dev.solo.labeler.Prediction;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts kept on write equal what a pass over the labels gives ({@code current_labels} and
 * {@code dataset_labels} grouped by source, and count(*) over the votes and the vectors), after every kind of write.
 */
class KeptCountsTest {
    private static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");

    @TempDir
    Path dir;

    private SqliteStore store;

    @BeforeEach
    void importSixItems() throws IOException {
        Path data = Files.writeString(dir.resolve("d.jsonl"), """
                {"id":"a","text":"one"}
                {"id":"b","text":"two"}
                {"id":"c","text":"three"}
                {"id":"d","text":"four"}
                {"id":"e","text":"five"}
                {"id":"f","text":"six"}
                """);
        store = SqliteStore.open(dir.resolve("state.db"));
        new DatasetImporter(store.items()).importFiles(List.of(data), ItemProperties.DEFAULT);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void labelCountsFollowPredictionsVotesHumanLabelsUndoAndSyntheticItems() throws SQLException {
        assertCountsAsAPassGives();

        store.predictions().save(List.of(prediction("a", 0.6), prediction("b", 0.9), prediction("c", 0.5)));
        assertCountsAsAPassGives();

        store.functionLabels().replaceAll(List.of(vote("a", 0.8), vote("b", 0.8), vote("d", 0.7)));
        assertThat(store.labeledRows().counts()).isEqualTo(new LabelCounts(6, 0, 2, 2));
        assertCountsAsAPassGives();

        // A retrain: the model overtakes the vote on a, falls behind it on b, labels e for the first time.
        store.predictions().save(List.of(prediction("a", 0.95), prediction("b", 0.7), prediction("e", 0.4)));
        assertThat(store.labeledRows().counts()).isEqualTo(new LabelCounts(6, 0, 2, 3));
        assertCountsAsAPassGives();

        store.humans().saveLabel(LabelWritingProcess.humanLabel("b", "Neutral"));
        store.humans().saveLabel(LabelWritingProcess.humanLabel("f", "Neutral"));
        store.humans().saveSkip("c", "sentiment", Phase.ACTIVE_LABELING, 1, "tester");
        assertThat(store.labeledRows().counts()).isEqualTo(new LabelCounts(6, 2, 1, 3));
        assertCountsAsAPassGives();

        store.humans().undoLatest(Phase.ACTIVE_LABELING, 1);
        store.humans().undoLatest(Phase.ACTIVE_LABELING, 1);
        assertThat(store.labeledRows().counts()).as("f's label taken back: f has no label again")
                .isEqualTo(new LabelCounts(6, 1, 1, 3));
        assertCountsAsAPassGives();

        store.humans().saveLabel(LabelWritingProcess.humanLabel("b", "Negative"));
        store.humans().undoLatest(Phase.ACTIVE_LABELING, 1);
        assertThat(store.labeledRows().counts()).as("b keeps its first label").isEqualTo(new LabelCounts(6, 1, 1, 3));
        assertCountsAsAPassGives();

        store.humans().undoLatest(Phase.ACTIVE_LABELING, 1);
        assertThat(store.labeledRows().counts()).as("b's vote wins again").isEqualTo(new LabelCounts(6, 0, 2, 3));
        assertCountsAsAPassGives();

        List<String> synthetic = store.items().addSynthetic("synthetic-r1-", List.of("hard one", "hard two", "hard three"));
        store.predictions().save(List.of(prediction(synthetic.get(0), 0.5), prediction(synthetic.get(1), 0.5)));
        store.functionLabels().replaceAll(List.of(vote("a", 0.8), vote("d", 0.7), vote(synthetic.get(1), 0.9),
                vote(synthetic.get(2), 0.6)));
        store.humans().saveLabel(LabelWritingProcess.humanLabel(synthetic.get(0), "Positive"));
        assertThat(store.labeledRows().counts()).isEqualTo(new LabelCounts(6, 0, 1, 4));
        assertThat(store.labeledRowsWithSynthetic().counts()).isEqualTo(new LabelCounts(9, 1, 3, 4));
        assertCountsAsAPassGives();

        store.functionLabels().replaceAll(List.of());
        assertCountsAsAPassGives();
    }

    @Test
    void theEmbeddedCountIgnoresAVectorSavedTwiceAndKeepsModelsApart() throws SQLException {
        store.vectors().saveVectors("e5-small-v2", List.of(vector("a"), vector("b")));
        store.vectors().saveVectors("e5-small-v2", List.of(vector("b"), vector("c")));
        store.vectors().saveVectors("bge-small-en-v1.5", List.of(vector("a")));

        assertThat(store.vectors().countVectors("e5-small-v2")).isEqualTo(3);
        assertThat(store.vectors().countVectors("bge-small-en-v1.5")).isEqualTo(1);
        assertThat(store.vectors().countVectors("all-MiniLM-L6-v2")).isZero();
        assertCountsAsAPassGives();
    }

    @Test
    void aLabelOrVectorUpdatedInPlaceIsRefusedSoNoWriteSlipsPastTheCounts() {
        store.predictions().save(List.of(prediction("a", 0.6)));
        store.functionLabels().replaceAll(List.of(vote("a", 0.8)));
        store.vectors().saveVectors("e5-small-v2", List.of(vector("a")));

        for (String table : List.of("predictions", "function_labels", "embeddings")) {
            assertThatThrownBy(() -> onTheFile("UPDATE " + table + " SET item_id = 'b'"))
                    .hasMessageContaining("replaced, not updated");
        }
    }

    /** Compares the store's counts with a pass over the views and tables, on a connection of its own. */
    private void assertCountsAsAPassGives() throws SQLException {
        assertThat(store.labeledRows().counts()).isEqualTo(countedByAPass("dataset_labels",
                "SELECT count(*) FROM items WHERE synthetic = 0"));
        assertThat(store.labeledRowsWithSynthetic().counts()).isEqualTo(countedByAPass("current_labels",
                "SELECT count(*) FROM items"));
        assertThat(store.functionLabels().count()).isEqualTo(single("SELECT count(*) FROM function_labels"));
        for (String model : List.of("e5-small-v2", "bge-small-en-v1.5")) {
            assertThat(store.vectors().countVectors(model))
                    .isEqualTo(single("SELECT count(*) FROM embeddings WHERE model = '" + model + "'"));
        }
    }

    private LabelCounts countedByAPass(String view, String items) throws SQLException {
        long human = 0;
        long functions = 0;
        long model = 0;
        try (Connection connection = connection(); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery("SELECT source, count(*) FROM " + view + " GROUP BY source")) {
            while (result.next()) {
                switch (result.getString(1)) {
                    case "human" -> human = result.getLong(2);
                    case "labeling_function" -> functions = result.getLong(2);
                    case "llm" -> model = result.getLong(2);
                    default -> throw new AssertionError(result.getString(1));
                }
            }
        }
        return new LabelCounts(single(items), human, functions, model);
    }

    private long single(String query) throws SQLException {
        try (Connection connection = connection(); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery(query)) {
            return result.getLong(1);
        }
    }

    private void onTheFile(String statement) throws SQLException {
        try (Connection connection = connection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
    }

    /** A prediction of Positive with {@code confidence}. */
    private static ModelLabel prediction(String id, double confidence) {
        double rest = (1 - confidence) / 2;
        return new ModelLabel(Prediction.of(id, LABELS, new double[] {confidence, rest, rest}, null), "sentiment",
                "local:test", Phase.ACTIVE_LABELING, 1, 2, Instant.ofEpochMilli(1_000));
    }

    private static FunctionLabel vote(String id, double precision) {
        return new FunctionLabel(id, "sentiment", "Negative", precision, List.of("keyword:awful"),
                Phase.LABELING_FUNCTIONS, 1, 2, Instant.ofEpochMilli(1_000));
    }

    private static StoredVector vector(String id) {
        return new StoredVector(id, 0.5f, new byte[] {1, 2, 3});
    }
}
