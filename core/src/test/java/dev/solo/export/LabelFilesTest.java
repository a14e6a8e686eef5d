package dev.solo.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.config.ItemProperties;
import dev.solo.dataset.DatasetImporter;
import dev.solo.label.FunctionLabel;
import dev.solo.label.ModelLabel;
import dev.solo.labeler.Prediction;
import dev.solo.store.SqliteStore;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing the JSONL and the Parquet file from one read gives the bytes each exporter writes from a read of its own. */
class LabelFilesTest {
    private static final List<String> LABELS = List.of("Positive", "Negative");

    @TempDir
    Path dir;

    @Test
    void bothFilesFromOneReadAreTheFilesEachExporterWritesAlone() throws IOException {
        Path data = Files.writeString(dir.resolve("d.jsonl"), """
                {"id":"b","text":"two"}
                {"id":"a","text":"one"}
                {"id":"c","text":"three"}
                {"id":"d","text":"four"}
                """);
        try (SqliteStore store = SqliteStore.open(dir.resolve("state.db"))) {
            new DatasetImporter(store.items()).importFiles(List.of(data), ItemProperties.DEFAULT);
            store.predictions().save(List.of(prediction("a", 0.7), prediction("b", 0.9), prediction("c", 0.6)));
            store.functionLabels().replaceAll(List.of(new FunctionLabel("c", "sentiment", "Negative", 0.8,
                    List.of("keyword:awful", "keyword:dull"), Phase.LABELING_FUNCTIONS, 1, 1, Instant.ofEpochMilli(2_000))));

            long alone = new JsonlExporter(true).export(store.labeledRows(), dir.resolve("alone.jsonl"));
            new ParquetExporter().export(store.labeledRows(), dir.resolve("alone.parquet"));
            long together = LabelFiles.writeAll(store.labeledRows(), List.of(
                    new JsonlExporter(true).open(dir.resolve("together.jsonl")),
                    new ParquetExporter().open(dir.resolve("together.parquet"))));

            assertThat(together).isEqualTo(alone).isEqualTo(3);
            assertThat(Files.readAllLines(dir.resolve("together.jsonl"))).extracting(line -> line.substring(0, 8))
                    .as("import order").containsExactly("{\"id\":\"b", "{\"id\":\"a", "{\"id\":\"c");
            assertThat(Files.readAllBytes(dir.resolve("together.jsonl"))).isEqualTo(Files.readAllBytes(dir.resolve("alone.jsonl")));
            assertThat(Files.readAllBytes(dir.resolve("together.parquet")))
                    .isEqualTo(Files.readAllBytes(dir.resolve("alone.parquet")));
        }
    }

    private static ModelLabel prediction(String id, double confidence) {
        return new ModelLabel(Prediction.of(id, LABELS, new double[] {confidence, 1 - confidence}, null), "sentiment",
                "local:test", Phase.ACTIVE_LABELING, 1, 1, Instant.ofEpochMilli(1_000));
    }
}
