package dev.solo.bench;

import dev.solo.config.LlmConfig;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.llm.FewShotPrompt;
import dev.solo.labeler.llm.LlmClient;
import dev.solo.labeler.llm.LlmLabeler;
import dev.solo.labeler.llm.LlmLedger;
import dev.solo.labeler.llm.OkHttpTransport;
import dev.solo.labeler.llm.OpenAiChatProvider;
import dev.solo.labeler.llm.Prices;
import dev.solo.human.HumanExample;
import dev.solo.store.SqliteStore;
import dev.solo.testing.FakeChatCompletions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;

/**
 * {@code llm COUNT DATA}: labels COUNT items with the OpenAI labeler against a local server that
 * answers every request after 200 ms, one request at a time and then 8 at a time, and runs the
 * second labeling again to count the requests a repeated run sends.
 */
final class LlmBench {
    private static final long ANSWER_DELAY_MILLIS = 200;

    private LlmBench() {
    }

    static void run(int count, Path data) throws Exception {
        List<String[]> records = BenchTask.records(data).subList(0, count + 8);
        Map<String, String> texts = new HashMap<>();
        records.forEach(record -> texts.put(record[0], record[1]));
        // eight few-shot examples (under the calibration minimum): one request per item
        List<HumanExample> pool = new ArrayList<>();
        String[] labels = {"Positive", "Neutral", "Negative"};
        for (int i = 0; i < 8; i++) {
            pool.add(new HumanExample(records.get(count + i)[0], labels[i % 3]));
        }
        List<String> items = records.subList(0, count).stream().map(record -> record[0]).toList();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new FakeChatCompletions(
                    text -> labels[text.length() % labels.length], 0.8, Duration.ofMillis(ANSWER_DELAY_MILLIS)));
            server.start();
            System.out.printf("%,d items, one request each, a local server answering after %d ms (2 cores)%n", count,
                    ANSWER_DELAY_MILLIS);
            double sequential = timeRun(server, pool, items, texts, 1, Files.createTempDirectory("solo-llm-bench"));
            System.out.printf("  max_concurrency 1: %6.1f s  (%d requests)%n", sequential, server.getRequestCount());
            Path folder = Files.createTempDirectory("solo-llm-bench");
            int before = server.getRequestCount();
            double concurrent = timeRun(server, pool, items, texts, 8, folder);
            System.out.printf("  max_concurrency 8: %6.1f s  (%d requests), %.1fx faster%n", concurrent,
                    server.getRequestCount() - before, sequential / concurrent);
            before = server.getRequestCount();
            double repeated = timeRun(server, pool, items, texts, 8, folder);
            System.out.printf("  the same run again: %5.1f s, %d requests (every answer from the cache)%n", repeated,
                    server.getRequestCount() - before);
        }
    }

    private static double timeRun(MockWebServer server, List<HumanExample> pool, List<String> items,
                                  Map<String, String> texts, int concurrency, Path folder) throws IOException {
        try (SqliteStore store = SqliteStore.open(folder.resolve("state.db"))) {
            LlmConfig llm = new LlmConfig(LlmConfig.EndpointType.OPENAI, "gpt-4o-mini", "sk-bench",
                    server.url("/v1").toString(), 0.0, 64, concurrency, null, 30, 3, 8,
                    LlmConfig.ConfidenceMethod.AUTO, 5, false, null, null);
            LlmClient client = new LlmClient(OpenAiChatProvider.openAi(),
                    new LlmClient.Settings(llm.model(), llm.apiKey(), server.url("/v1"), llm.maxRetries(), null, null,
                            null, folder.resolve("config.yaml"), Duration.ofMillis(500)),
                    new OkHttpTransport(OkHttpTransport.sharedClient(), Duration.ofSeconds(llm.timeoutSeconds()),
                            concurrency),
                    new LlmLedger(store.llmCalls(), "openai", llm.model(), Prices.of(llm), Clock.systemUTC()));
            FewShotPrompt prompt = new FewShotPrompt("bench", "Overall sentiment.",
                    List.of("Positive", "Neutral", "Negative"), 8, false, null);
            LlmLabeler labeler = new LlmLabeler(client, prompt, llm,
                    ids -> ids.stream().collect(Collectors.toMap(id -> id, texts::get)), 1, message -> { });
            long started = System.nanoTime();
            LabelingModel model = labeler.train(pool);
            model.predict(items);
            return (System.nanoTime() - started) / 1e9;
        }
    }
}
