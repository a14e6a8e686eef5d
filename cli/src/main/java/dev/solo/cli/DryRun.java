package dev.solo.cli;

import dev.solo.config.LlmConfig;
import dev.solo.config.SoloConfig;
import dev.solo.dataset.DatasetImporter;
import dev.solo.human.Annotator;
import dev.solo.human.OracleAnnotator;
import dev.solo.labeler.llm.DryRunMeter;
import dev.solo.labeler.llm.Prices;
import dev.solo.phases.ConfiguredModels;
import dev.solo.phases.Models;
import dev.solo.phases.TaskRun;
import dev.solo.store.SqliteStore;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code solo start --dry-run}: runs the workflow on a throwaway copy of the task, with the
 * remote labeler counting requests instead of sending them, until the first phase that would
 * call it has finished; prints that phase's calls, tokens and estimated cost. The task itself is
 * not changed and nothing is sent.
 */
final class DryRun {
    private final SoloConfig config;
    private final PrintWriter out;

    DryRun(SoloConfig config, PrintWriter out) {
        this.config = config;
        this.out = out;
    }

    void run(Optional<OracleAnnotator> oracle, Long seed) throws IOException {
        LlmConfig llm = config.solo().llm();
        if (llm.endpointType() == LlmConfig.EndpointType.LOCAL) {
            out.println("Dry run: the labeler is local (embedded, offline); no phase makes paid calls.");
            return;
        }
        Path scratch = Files.createTempDirectory("solo-dry-run");
        try {
            Path copy = scratch.resolve("state.db");
            Optional<SqliteStore> existing = SqliteStore.openExisting(config.stateFile());
            if (existing.isPresent()) {
                try (SqliteStore store = existing.get()) {
                    store.copyTo(copy);
                }
            }
            try (SqliteStore store = SqliteStore.open(copy)) {
                new DatasetImporter(store.items()).importFiles(config.dataFiles(), config.task().itemProperties());
                long randomSeed = RandomSeed.settle(store.workflow(), seed);
                DryRunMeter meter = new DryRunMeter();
                Clock clock = Clock.systemUTC();
                Consumer<String> quiet = line -> { };
                try (Models metering = new ConfiguredModels(config, store, randomSeed, clock, quiet,
                        Optional.of(meter))) {
                    AtomicReference<Phase> calling = new AtomicReference<>();
                    WorkflowState end = new TaskRun(config, store, metering, oracle.map(o -> (Annotator) o), randomSeed,
                            clock, quiet).workflow()
                            .run(finished -> {
                                boolean called = meter.calls() + meter.cachedCalls() > 0;
                                if (called) {
                                    calling.set(finished);
                                }
                                return called;
                            });
                    report(meter, end, calling.get(), llm);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void report(DryRunMeter meter, WorkflowState end, Phase calling, LlmConfig llm) {
        if (calling == null) {
            out.println("Dry run: no LLM calls before the workflow stops in phase " + end.phase().label()
                    + " (" + end.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (end.status() == WorkflowState.Status.WAITING_FOR_HUMAN ? "; pass --oracle to simulate the person"
                    : "") + ").");
            return;
        }
        String cost = Prices.of(llm)
                .map(price -> String.format(Locale.ROOT, "estimated cost $%.2f at %s's prices",
                        (meter.inputTokens() * price.inputPerMillion() + meter.outputTokens() * price.outputPerMillion())
                                / 1_000_000, llm.model()))
                .orElse("cost unknown: solo has no price for " + llm.model() + " (set solo_mode.llm.pricing)");
        out.printf(Locale.ROOT, "Dry run of phase %s, the next that calls %s: %,d calls "
                        + "(%,d more answered from the cache), about %,d input and %,d output tokens, %s. "
                        + "Nothing was sent and the task is unchanged.%n",
                calling.label(), llm.endpointType().name().toLowerCase(Locale.ROOT), meter.calls(),
                meter.cachedCalls(), meter.inputTokens(), meter.outputTokens(), cost);
    }
}
