package dev.solo.bench;

import dev.solo.config.ConfigLoader;
import dev.solo.config.SoloConfig;
import dev.solo.export.JsonlExporter;
import dev.solo.export.LabelFiles;
import dev.solo.export.ParquetExporter;
import dev.solo.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ExportParts CONFIG SCRATCH_DIR}: where {@code solo export} spends its time on a large task. Times the
 * label counts, one read of every current label with nothing written, then the JSONL and the Parquet exporters
 * each on their own read (as the export command ran them before), then both from one read (as it runs them now),
 * writing into SCRATCH_DIR; SCALE.md quotes it.
 */
public final class ExportParts {
    private ExportParts() {
    }

    public static void main(String[] args) throws Exception {
        SoloConfig config = new ConfigLoader().load(Path.of(args[0]));
        Path scratch = Files.createDirectories(Path.of(args[1]));
        try (SqliteStore store = SqliteStore.openExisting(config.stateFile()).orElseThrow()) {
            long started = System.nanoTime();
            store.labeledRows().counts();
            time("labeledRows().counts()  [current_labels GROUP BY source]", started);
            started = System.nanoTime();
            long[] rows = {0};
            store.labeledRows().forEach(row -> rows[0]++);
            time(String.format("read %,d current labels, nothing written", rows[0]), started);
            started = System.nanoTime();
            new JsonlExporter(false).export(store.labeledRows(), scratch.resolve("labels.jsonl"));
            time("JsonlExporter (its own read of the labels)", started);
            started = System.nanoTime();
            new ParquetExporter().export(store.labeledRows(), scratch.resolve("annotations.parquet"));
            time("ParquetExporter (its own read of the labels)", started);
            started = System.nanoTime();
            LabelFiles.writeAll(store.labeledRows(), List.of(new JsonlExporter(false).open(scratch.resolve("labels.jsonl")),
                    new ParquetExporter().open(scratch.resolve("annotations.parquet"))));
            time("both files from one read (as solo export writes them)", started);
        }
    }

    private static void time(String name, long started) {
        System.out.printf("%8.3f s  %s%n", (System.nanoTime() - started) / 1e9, name);
    }
}
