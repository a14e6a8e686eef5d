package dev.solo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.solo.testing.FakeChatCompletions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reviews example switched to {@code endpoint_type: openai}, with {@code base_url} at a local
 * server that answers in the Chat Completions shape like a model that is right 4 times in 5.
 */
class RemoteLabelerCliTest {
    private static final String KEY = "sk-fake-key-for-tests-0123456789";
    private static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private MockWebServer server;
    private Path config;
    private String out;
    private String err;

    @BeforeEach
    void exampleOnAFakeOpenAi() throws IOException {
        config = CliTest.copyExample(dir, 300);
        ReviewsTask.shortenLaterPhases(config);
        Map<String, String> goldByText = goldByText(dir.resolve("data/reviews.jsonl"), dir.resolve("gold.jsonl"));
        server = new MockWebServer();
        server.setDispatcher(new FakeChatCompletions(rightFourTimesInFive(goldByText), 0.85));
        server.start();
        Files.writeString(config, Files.readString(config).replace(
                "endpoint_type: local        # the embedded offline labeler: no key, no network",
                "endpoint_type: openai\n    model: gpt-4o-mini\n    api_key: \"" + KEY + "\"\n    base_url: \""
                        + server.url("/v1") + "\""));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theWorkflowRunsOnTheRemoteLabelerAndTheKeyIsWrittenNowhere() throws IOException {
        int exit = solo("start", config.toString(), "--oracle", dir.resolve("gold.jsonl").toString(), "--seed", "7");

        assertThat(exit).as(err).isEqualTo(0);
        assertThat(out).contains("Phase 1 (Seed Annotation) finished: 50 of 50 seed items labeled.")
                .containsPattern("Phase 2 \\(Initial Calibration\\) finished: openai:gpt-4o-mini learned from 40 seed "
                        + "labels; baseline accuracy [01]\\.\\d\\d on 10 held-out seed labels .*; labeled a batch of 200 items")
                .containsPattern("Phase 3 \\(Confusion Analysis\\) finished: accuracy 0\\.[6-9]\\d on 50 human labels")
                .contains("Phase 4 (Guideline Refinement) finished: 0 of 1 suggested edits accepted by oracle (--approve none); guidelines version 1.")
                .as("the remote model labels what it has not labeled before functions are proposed")
                .contains("Labeling the 50 items the model has not labeled yet, to weigh rules against it.")
                .contains("Phase 6 (Active Labeling) finished: after batch 9")
                .contains("Complete: every item is labeled.");
        int calls = server.getRequestCount();
        assertThat(calls).isGreaterThan(240);

        solo("status", "--config", config.toString());
        assertThat(out).containsPattern("LLM Calls: [\\d,]+ \\([\\d,]+ answered from the cache\\) · tokens [\\d,]+ in / [\\d,]+ out"
                + " · estimated cost \\$0\\.\\d\\d")
                .contains("  - Human labeled: 295").contains("  - LLM labeled: 5");
        solo("export", "--config", config.toString(), "--output", dir.resolve("labels.jsonl").toString());
        assertThat(Files.readAllLines(dir.resolve("labels.jsonl"))).as("every item has a label").hasSize(300)
                .filteredOn(line -> line.contains("\"source\":\"llm\"")).hasSize(5);

        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as("the key in %s", file).doesNotContain(file.endsWith("config.yaml") ? "\u0000" : KEY);
            }
        }
    }

    @Test
    void anOutageMidPhaseStopsWithOneLineAndTheNextStartAsksOnlyWhatWasNotAnswered() throws IOException {
        Path clean = Files.createDirectories(dir.resolve("clean"));
        Path cleanConfig = CliTest.copyExample(clean, 300);
        Files.writeString(cleanConfig, Files.readString(config));
        solo("start", cleanConfig.toString(), "--oracle", clean.resolve("gold.jsonl").toString(), "--seed", "7");
        int cleanCalls = server.getRequestCount();
        FakeChatCompletions model = (FakeChatCompletions) server.getDispatcher();
        // the outage lasts past any retry, so retrying would only add backoff (500 ms base) before the same stop
        Files.writeString(config, Files.readString(config).replace("    base_url:", "    max_retries: 0\n    base_url:"));
        model.goDownAfter(100);

        int failed = solo("start", config.toString(), "--oracle", dir.resolve("gold.jsonl").toString(), "--seed", "7");
        int firstRunCalls = server.getRequestCount() - cleanCalls;
        model.goDownAfter(0);
        int resumed = solo("start", config.toString(), "--oracle", dir.resolve("gold.jsonl").toString());
        int secondRunCalls = server.getRequestCount() - cleanCalls - firstRunCalls;

        assertThat(failed).isEqualTo(1);
        assertThat(err.strip()).doesNotContain("\n");
        assertThat(resumed).isEqualTo(0);
        assertThat(out).contains("Phase 4 (Guideline Refinement) finished: 0 of 1 suggested edits accepted by oracle (--approve none); guidelines version 1.")
                .contains("Complete: every item is labeled.");
        assertThat(firstRunCalls - model.failures()).as("answers received before the outage").isPositive();
        assertThat(firstRunCalls - model.failures() + secondRunCalls).as("no answer asked for twice")
                .isEqualTo(cleanCalls);
    }

    @Test
    void aDryRunCountsTheNextPhasesCallsWithoutSendingOrStoringAnything() {
        int exit = solo("start", config.toString(), "--oracle", dir.resolve("gold.jsonl").toString(), "--seed", "7",
                "--dry-run");

        assertThat(exit).as(err).isEqualTo(0);
        // phase 2: 30 seed labels asked with themselves left out (calibration), 10 held out, a batch of 200
        assertThat(out).containsPattern("Dry run of phase 2 \\(Initial Calibration\\), the next that calls openai: "
                + "240 calls \\(0 more answered from the cache\\), about [\\d,]+ input and 1,920 output tokens, "
                + "estimated cost \\$0\\.\\d\\d at gpt-4o-mini's prices\\. Nothing was sent and the task is unchanged\\.");
        assertThat(server.getRequestCount()).isZero();
        assertThat(dir.resolve(".solo/state.db")).doesNotExist();
    }

    @Test
    void aRefusedKeyIsOneLineWithExitCode2AndTheSeedLabelsStay() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(401).body("{\"error\": {\"message\": \"Incorrect API key provided: "
                        + KEY + "\", \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}").build();
            }
        });

        int exit = solo("start", config.toString(), "--oracle", dir.resolve("gold.jsonl").toString(), "--seed", "7");

        assertThat(exit).isEqualTo(2);
        assertThat(err.strip()).startsWith("solo: " + config + ": openai refused the API key (HTTP 401")
                .contains("put a key the server accepts in solo_mode.llm.api_key, better as api_key: ${OPENAI_API_KEY}").doesNotContain(KEY)
                .doesNotContain("\n");
        solo("status", "--config", config.toString());
        assertThat(out).contains("  - Human labeled: 50");
    }

    private int solo(String... args) {
        SoloRun run = SoloRun.of(args);
        out = run.out();
        err = run.err();
        return run.exit();
    }

    private static Map<String, String> goldByText(Path data, Path gold) throws IOException {
        Map<String, String> labelById = new HashMap<>();
        for (String line : Files.readAllLines(gold)) {
            JsonNode node = JSON.readTree(line);
            labelById.put(node.get("id").asText(), node.get("label").asText());
        }
        Map<String, String> labelByText = new HashMap<>();
        for (String line : Files.readAllLines(data)) {
            JsonNode node = JSON.readTree(line);
            labelByText.put(node.get("text").asText(), labelById.get(node.get("id").asText()));
        }
        return labelByText;
    }

    /** A model that knows the gold label of 4 texts in 5 and names the next label for the fifth. */
    private static Function<String, String> rightFourTimesInFive(Map<String, String> goldByText) {
        return text -> {
            String gold = goldByText.getOrDefault(text, "Neutral");
            return Math.floorMod(text.hashCode(), 5) == 0 ? LABELS.get((LABELS.indexOf(gold) + 1) % LABELS.size()) : gold;
        };
    }
}
