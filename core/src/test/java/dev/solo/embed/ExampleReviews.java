package dev.solo.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.solo.config.ItemProperties;
import dev.solo.dataset.DatasetImporter;
import dev.solo.store.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The first items of the reviews example (real movie-review sentences) in a fresh store, with their gold labels. */
public final class ExampleReviews {
    private static final Path EXAMPLE = Path.of("..", "examples", "reviews");

    public final SqliteStore store;
    public final Map<String, String> gold = new LinkedHashMap<>();

    private ExampleReviews(SqliteStore store) {
        this.store = store;
    }

    public static ExampleReviews open(Path dir, int items) throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE.resolve("data/reviews.jsonl")).subList(0, items);
        Path data = Files.write(dir.resolve("reviews.jsonl"), lines);
        ExampleReviews reviews = new ExampleReviews(SqliteStore.open(dir.resolve("state.db")));
        new DatasetImporter(reviews.store.items()).importFiles(List.of(data), ItemProperties.DEFAULT);
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(EXAMPLE.resolve("gold.jsonl"))) {
            JsonNode node = json.readTree(line);
            reviews.gold.put(node.get("id").asText(), node.get("label").asText());
        }
        return reviews;
    }

    public List<String> ids() {
        return store.items().selectable(null).stream().map(item -> item.id()).toList();
    }
}
