package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.solo.config.ConfigLoader;
import dev.solo.config.SoloConfig;
import dev.solo.dataset.DatasetImporter;
import dev.solo.human.HumanExample;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.Prediction;
import dev.solo.store.SqliteStore;
import dev.solo.testing.FakeChatCompletions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each provider's example config, as shipped, labels through that provider's API: loaded with its
 * key from the environment and its base_url at a local server speaking the provider's documented
 * shape, the configured labeler learns from a few of the example's gold labels and labels more.
 */
class ProviderExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"openai, CHAT_COMPLETIONS, /v1/chat/completions, /v1", "vllm, CHAT_COMPLETIONS, /v1/chat/completions, /v1",
            "anthropic, ANTHROPIC_MESSAGES, /v1/messages, /v1", "ollama, OLLAMA_CHAT, /api/chat, ''"})
    void theExampleLabelsThroughItsProvidersApi(String provider, FakeChatCompletions.Shape shape, String path, String base)
            throws IOException, InterruptedException {
        List<String> data = Files.readAllLines(EXAMPLES.resolve("reviews/data/reviews.jsonl")).subList(0, 40);
        Map<String, String> gold = gold();
        Map<String, String> goldByText = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (String line : data) {
            JsonNode record = JSON.readTree(line);
            ids.add(record.get("id").asText());
            goldByText.put(record.get("text").asText(), gold.get(record.get("id").asText()));
        }
        server.setDispatcher(new FakeChatCompletions(text -> goldByText.getOrDefault(text, "Neutral"), 0.9).speaking(shape));
        server.start();
        Path config = exampleOnTheServer(provider, data, base);

        SoloConfig loaded = new ConfigLoader(variable -> "test-key-" + variable).load(config);
        List<Prediction> predictions;
        try (SqliteStore store = SqliteStore.open(loaded.stateFile());
             ConfiguredModels models = new ConfiguredModels(loaded, store, 7, Clock.systemUTC(), line -> { },
                     Optional.empty())) {
            new DatasetImporter(store.items()).importFiles(loaded.dataFiles(), loaded.task().itemProperties());
            Labeler labeler = models.labeler(ids);
            predictions = labeler.train(ids.subList(0, 12).stream().map(id -> new HumanExample(id, gold.get(id))).toList())
                    .predict(ids.subList(12, 40));
            assertThat(labeler.name()).startsWith(provider + ":");
        }

        assertThat(predictions).hasSize(28).allSatisfy(prediction ->
                assertThat(prediction.label()).isEqualTo(gold.get(prediction.itemId())));
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo(path);
    }

    private Path exampleOnTheServer(String provider, List<String> data, String base) throws IOException {
        Files.write(dir.resolve("items.jsonl"), data);
        String text = Files.readString(EXAMPLES.resolve("providers").resolve(provider).resolve("config.yaml"))
                .replace("\"../../reviews/data/reviews.jsonl\"", "\"items.jsonl\"")
                .replace("embedding_model: \"e5-small-v2\"", "embedding_model: \"all-MiniLM-L6-v2\"");
        String url = server.url(base).toString();
        text = text.contains("base_url:") ? text.replaceFirst("base_url: \"[^\"]*\"", "base_url: \"" + url + "\"")
                : text.replace("    endpoint_type: " + provider + "\n",
                        "    endpoint_type: " + provider + "\n    base_url: \"" + url + "\"\n");
        assertThat(text).contains("base_url: \"" + url + "\"").contains("\"items.jsonl\"");
        return Files.writeString(dir.resolve("config.yaml"), text);
    }

    private static Map<String, String> gold() throws IOException {
        Map<String, String> gold = new HashMap<>();
        for (String line : Files.readAllLines(EXAMPLES.resolve("reviews/gold.jsonl"))) {
            JsonNode record = JSON.readTree(line);
            gold.put(record.get("id").asText(), record.get("label").asText());
        }
        return gold;
    }
}
