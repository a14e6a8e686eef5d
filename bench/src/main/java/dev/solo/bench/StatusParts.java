package dev.solo.bench;

import dev.solo.config.ConfigLoader;
import dev.solo.config.SoloConfig;
import dev.solo.status.CompletionSummary;
import dev.solo.status.StatusReport;
import dev.solo.status.VerificationReport;
import dev.solo.store.SqliteStore;
import dev.solo.store.Store;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * {@code StatusParts CONFIG}: where {@code solo status} spends its time on a large task. Times each store
 * call {@link StatusReport#of} makes, in its order, on one store, then the whole report once more; bench/scale's
 * SCALE.md quotes it when status misses its target.
 */
public final class StatusParts {
    private StatusParts() {
    }

    public static void main(String[] args) {
        long began = System.nanoTime();
        SoloConfig config = new ConfigLoader().load(Path.of(args[0]));
        time("load the config", began);
        long opened = System.nanoTime();
        try (SqliteStore store = SqliteStore.openExisting(config.stateFile()).orElseThrow()) {
            time("open the store", opened);
            String model = config.solo().labelerEmbeddingModel();
            part("workflow().state()", () -> store.workflow().state());
            part("setups().latest()", () -> store.setups().latest());
            part("labeledRows().counts()  [current_labels GROUP BY source]", () -> store.labeledRows().counts());
            part("accuracy().latest()", () -> store.accuracy().latest());
            part("humans().labelsByPhase()", () -> store.humans().labelsByPhase());
            part("measurements().latestAccuracyEstimate()", () -> store.measurements().latestAccuracyEstimate());
            part("functionLabels().count()", () -> store.functionLabels().count());
            part("humans().answerMillis()", () -> store.humans().answerMillis());
            part("workflow().randomSeed()", () -> store.workflow().randomSeed());
            part("llmCalls().usage()", () -> store.llmCalls().usage());
            part("functions().latest()", () -> store.functions().latest());
            part("vectors().countVectors()  [count(*) over the embeddings]", () -> store.vectors().countVectors(model));
            part("accuracy().all()", () -> store.accuracy().all());
            part("workflow().warnings()", () -> store.workflow().warnings());
            part("CompletionSummary.of", () -> CompletionSummary.of(config, store));
            part("VerificationReport.of", () -> VerificationReport.of(config, store));
            part("humans().examplesFromPool()", () -> store.humans().examplesFromPool(config.scheme().name(), dev.solo.select.BoundaryMining.POOL));
            part("StatusReport.of, whole, again", () -> StatusReport.of(config, store));
        }
        time("total", began);
    }

    private static void part(String name, Supplier<?> call) {
        long started = System.nanoTime();
        call.get();
        time(name, started);
    }

    private static void time(String name, long started) {
        System.out.printf("%8.3f s  %s%n", (System.nanoTime() - started) / 1e9, name);
    }
}
