package dev.solo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.solo.config.ItemProperties;
import dev.solo.dataset.DatasetImporter;
import dev.solo.store.SqliteStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A throwaway task store filled from a JSONL file of {id, text} records, and that file's gold labels. */
final class BenchTask {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchTask() {
    }

    /** Reads {id, text} records in file order. */
    static List<String[]> records(Path file) throws IOException {
        List<String[]> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                records.add(new String[] {node.get("id").asText(), node.get("text").asText()});
            }
        }
        return records;
    }

    /** Gold labels by id from {id, label} records. */
    static Map<String, String> gold(Path file) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                labels.put(node.get("id").asText(), node.get("label").asText());
            }
        }
        return labels;
    }

    /** Deletes a scratch folder and everything in it. */
    static void delete(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** A fresh store in {@code folder} holding {@code count} items whose texts cycle through the records. */
    static SqliteStore storeWith(Path folder, List<String[]> records, int count) throws IOException {
        Path data = folder.resolve("data.jsonl");
        try (BufferedWriter writer = Files.newBufferedWriter(data)) {
            for (int i = 0; i < count; i++) {
                String[] record = records.get(i % records.size());
                ObjectNode node = JSON.createObjectNode();
                node.put("id", count == records.size() ? record[0] : record[0] + "#" + i);
                node.put("text", record[1]);
                writer.write(JSON.writeValueAsString(node));
                writer.newLine();
            }
        }
        SqliteStore store = SqliteStore.open(folder.resolve("state.db"));
        new DatasetImporter(store.items()).importFiles(List.of(data), ItemProperties.DEFAULT);
        return store;
    }
}
