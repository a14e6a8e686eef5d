package dev.solo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.solo.dataset.SelectableItem;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.embed.ItemEmbeddings;
import dev.solo.store.SqliteStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code baselines REQUEST.json}: what the same labeler reaches with solo's number of human labels chosen
 * otherwise, for bench/efficiency. The request names a copy of a finished task's state (its vectors are
 * reused, nothing is embedded again), the gold file, the embedding model, the seed, the budget (solo's human
 * labels), solo's seed items, the items solo had labeled before confidence escalation, the target, the number
 * of random draws and the uncertainty batch size. Prints one JSON object: the random draws' scores, uncertainty
 * sampling's score and the labels it had when it first reached the target, and the oracle stop ({@link RandomBaseline}, {@link UncertaintySampling}, {@link OracleStop}).
 */
final class Baselines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Baselines() {
    }

    static void run(Path requestFile) throws Exception {
        JsonNode request = JSON.readTree(requestFile.toFile());
        Map<String, String> gold = BenchTask.gold(Path.of(request.get("gold").asText()));
        EmbeddingModel model = Bench.model(request.get("model").asText());
        long seed = request.get("seed").asLong();
        GoldSet data;
        try (SqliteStore store = SqliteStore.open(Path.of(request.get("store").asText()))) {
            List<String> ids = store.items().selectable(null).stream().map(SelectableItem::id)
                    .filter(gold::containsKey).toList();
            EmbeddingMatrix vectors = new ItemEmbeddings(store.vectors(), store.items()::texts, message -> { })
                    .forItems(model, ids);
            data = new GoldSet(vectors, model, ids, gold, List.copyOf(new TreeSet<>(gold.values())), seed);
        }
        int budget = request.get("budget").asInt();
        ObjectNode out = JSON.createObjectNode();
        out.put("items", data.size());
        out.put("budget", budget);
        long started = System.nanoTime();
        ArrayNode draws = out.putArray("random");
        for (GoldSet.Score score : RandomBaseline.run(data, budget, request.get("draws").asInt(), seed)) {
            draws.add(json(score));
        }
        out.put("random_s", seconds(started));
        started = System.nanoTime();
        UncertaintySampling.Result uncertainty = UncertaintySampling.run(data, ids(request, "seeds"), budget,
                request.get("batch").asInt(), request.get("target").asDouble());
        out.set("uncertainty", json(uncertainty.score()));
        out.put("uncertainty_reached_target_at", uncertainty.reachedTargetAt());
        out.put("uncertainty_s", seconds(started));
        out.put("oracle_stop_humans", OracleStop.run(data, ids(request, "before_escalation"),
                request.get("target").asDouble()));
        System.out.println(JSON.writeValueAsString(out));
    }

    private static List<String> ids(JsonNode request, String field) {
        List<String> ids = new ArrayList<>();
        request.get(field).forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static ObjectNode json(GoldSet.Score score) {
        ObjectNode node = JSON.createObjectNode();
        node.put("humans", score.humans());
        node.put("dataset", score.dataset());
        node.put("machine", score.machine());
        return node;
    }

    private static double seconds(long started) {
        return Math.round((System.nanoTime() - started) / 1e8) / 10.0;
    }
}
