package dev.solo.cli;

import dev.solo.SoloInputException;
import dev.solo.config.SoloConfig;
import dev.solo.export.ExportFiles;
import dev.solo.export.JsonlExporter;
import dev.solo.export.LabelFile;
import dev.solo.export.LabelFiles;
import dev.solo.export.ParquetExporter;
import dev.solo.store.LabeledRows;
import dev.solo.store.SqliteStore;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write every labeled item with its label's source and confidence, as JSONL and (if enabled) Parquet.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ConfigOption configOption;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The JSONL file to write.")
    Path output;

    @Option(names = "--force", description = "Overwrite existing export files.")
    boolean force;

    @Option(names = "--provenance",
            description = "Add to each JSON line who made the label, the guideline version, the labeling functions and the pool.")
    boolean provenance;

    @Option(names = "--include-synthetic",
            description = "Add the edge cases a remote model wrote in phase 9 (ids starting synthetic-); they are not part of the dataset.")
    boolean includeSynthetic;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SoloConfig config = configOption.load();
        List<Path> targets = new ArrayList<>(List.of(output));
        boolean parquet = config.task().parquetExport().enabled();
        if (parquet) {
            targets.add(config.parquetFile());
        }
        SqliteStore store = SqliteStore.openExisting(config.stateFile()).orElseThrow(() -> new SoloInputException(
                configOption.file, "this task has not started: nothing to export", "run solo start " + configOption.file + " first"));
        try (store; ExportFiles files = ExportFiles.to(targets, force)) {
            LabeledRows labels = includeSynthetic ? store.labeledRowsWithSynthetic() : store.labeledRows();
            LabelFile jsonl = new JsonlExporter(provenance).open(files.temporaryFor(output));
            List<LabelFile> written = new ArrayList<>(List.of(jsonl));
            if (parquet) {
                try {
                    written.add(new ParquetExporter().open(files.temporaryFor(config.parquetFile())));
                } catch (IOException | RuntimeException e) {
                    jsonl.close();
                    throw e;
                }
            }
            // One read of the labels for both files: the read is most of the time at a million items.
            long lines = LabelFiles.writeAll(labels, written);
            long rows = parquet ? lines : 0;
            files.commit();
            // The items left out, from the cheap item counts: counting the labels would read them all once more.
            long unlabeled = store.items().count() + (includeSynthetic ? store.items().syntheticCount() : 0) - lines;
            out.printf("Exported %,d labeled items to %s", lines, output);
            out.println(unlabeled > 0 ? String.format(" (%,d items not labeled yet are left out).", unlabeled) : ".");
            if (parquet) {
                out.printf("Parquet: %,d rows in %s.%n", rows, config.parquetFile());
            }
            incompleteWarning(store, unlabeled).ifPresent(warning -> spec.commandLine().getErr().println(warning));
        }
        return ExitCodes.OK;
    }

    /** What an export of an unfinished task lacks: where the workflow stands, unlabeled items, no final check yet. */
    private Optional<String> incompleteWarning(SqliteStore store, long unlabeled) {
        WorkflowState state = store.workflow().state();
        if (state.status() == WorkflowState.Status.COMPLETE) {
            return Optional.empty();
        }
        StringBuilder warning = new StringBuilder("Warning: the dataset is not complete: the workflow stands at phase ")
                .append(state.phase().label()).append(", before final validation has checked the machine labels");
        if (unlabeled > 0) {
            warning.append(String.format(Locale.ROOT, "; %,d items have no label yet", unlabeled));
        }
        store.accuracy().latest().ifPresent(record -> warning.append("; estimated accuracy so far ")
                .append(record.report().dataset()));
        return Optional.of(warning.append(". Run solo start ").append(configOption.file).append(" to finish.").toString());
    }
}
