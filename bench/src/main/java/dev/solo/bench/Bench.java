package dev.solo.bench;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.embed.ItemEmbeddings;
import dev.solo.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code throughput MODEL DATA COUNT}: embeds COUNT items (texts cycled from DATA) into a fresh
 * store and prints items per second. {@code quality MODEL DATA GOLD}: the local labeler's
 * accuracy and calibration error after 50, 200 and 500 random human labels (or the counts given as
 * a fifth argument, e.g. {@code 485,800}), and seed selection compared. {@code variants MODEL SECOND_MODEL
 * DATA GOLD STORE_DIR [counts]}: candidate upgrades of the local labeler measured against it
 * ({@link LabelerVariants}). {@code draws} and {@code cost}: the labeler as built, draw by draw, and
 * its train and predict time at scale ({@link LabelerDraws}). {@code neighbours COUNT}: exact nearest-neighbour search over COUNT vectors.
 * {@code llm COUNT DATA}: the remote labeler's concurrency and cache against a slow local server.
 * {@code baselines REQUEST}: random and uncertainty sampling and the oracle stop beside a finished run ({@link Baselines}).
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "throughput" -> throughput(model(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            case "quality" -> LabelerQuality.run(model(args[1]), Path.of(args[2]), Path.of(args[3]), args.length > 4
                    ? Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray()
                    : LabelerQuality.LABEL_COUNTS);
            case "variants" -> LabelerVariants.run(model(args[1]), model(args[2]), Path.of(args[3]), Path.of(args[4]),
                    Path.of(args[5]), args.length > 6
                    ? Arrays.stream(args[6].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {200, 500});
            case "draws" -> LabelerDraws.run(model(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]),
                    args.length > 5 ? Arrays.stream(args[5].split(",")).mapToInt(Integer::parseInt).toArray()
                            : new int[] {200, 500});
            case "cost" -> LabelerDraws.cost(model(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]),
                    Integer.parseInt(args[5]));
            case "baselines" -> Baselines.run(Path.of(args[1]));
            case "neighbours" -> NeighbourSearch.run(Integer.parseInt(args[1]));
            case "llm" -> LlmBench.run(Integer.parseInt(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("unknown bench " + args[0]);
        }
    }

    static EmbeddingModel model(String name) {
        return EmbeddingModel.named(name).orElseThrow(() ->
                new IllegalArgumentException("unknown model " + name + "; shipped: " + EmbeddingModel.availableNames()));
    }

    private static void throughput(EmbeddingModel model, Path data, int count) throws Exception {
        Path folder = Files.createTempDirectory("solo-embed-bench");
        List<String[]> records = BenchTask.records(data);
        try (SqliteStore store = BenchTask.storeWith(folder, records, count)) {
            List<String> ids = store.items().selectable(null).stream().map(item -> item.id()).toList();
            long started = System.nanoTime();
            EmbeddingMatrix matrix = new ItemEmbeddings(store.vectors(), store.items()::texts, message -> { }).forItems(model, ids);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%-18s %,7d items in %6.1f s: %5.0f items/s (model load, tokenizing, storing included)%n",
                    model.configName(), matrix.size(), seconds, matrix.size() / seconds);
        } finally {
            BenchTask.delete(folder);
        }
    }
}
