package dev.solo.labeler.llm;

import static dev.solo.testing.FakeChatCompletions.ok;

import com.fasterxml.jackson.databind.JsonNode;
import dev.solo.config.LlmConfig;
import dev.solo.human.HumanExample;
import dev.solo.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * What the provider contracts test with: a provider's documented request and response shape,
 * a local server to answer in it, a real store, and a labeler wired to both. {@link
 * ProviderContract} holds the server and the store; each provider's test supplies the shape.
 * The helpers are static where they need no server, so the contracts import them.
 */
interface ProviderFixture {
    String KEY = "sk-test-0123456789abcdef";
    List<String> LABELS = List.of("Positive", "Neutral", "Negative");
    List<HumanExample> POOL = List.of(new HumanExample("p1", "Positive"),
            new HumanExample("p2", "Negative"), new HumanExample("p3", "Neutral"), new HumanExample("p4", "Positive"));
    /** The human examples' texts, then 12 good and 12 bad items, in that order. */
    Map<String, String> TEXTS = sampleTexts();

    // --- the provider's shape, supplied by each provider's test ------------------------------

    /** The provider under test. */
    ChatProvider provider();

    LlmConfig.EndpointType endpointType();

    /** The base URL path the provider's API lives under on the fake server. */
    String basePath();

    /** The path a chat request must go to, under the base. */
    String chatPath();

    /** The user message of a request body, as the provider's request shape holds it. */
    String userMessage(JsonNode requestBody);

    /** A 200 body answering {@code content}; {@code probabilities} per label when the API gives log-probabilities. */
    String answerBody(String content, Map<String, Double> probabilities, long inputTokens, long outputTokens);

    /** The body of an authentication error, echoing {@code message}. */
    String authErrorBody(String message);

    /** Checks the provider-specific headers of a request. */
    void assertHeaders(RecordedRequest request);

    /**
     * The body earlier versions sent for {@link #labelRequest}, byte for byte: answers are cached
     * under a hash of the body, so a changed body would ask every cached question again.
     */
    String labelRequestBody();

    /** Checks that the request body carries {@code answer} where the provider's API documents it. */
    void assertAnswerSchemaSent(JsonNode requestBody, ResponseSchema answer);

    // --- the server and the store, held by ProviderContract -----------------------------------

    /** The fake provider, started before each test. */
    MockWebServer server();

    /** The task's state, a real SQLite file in the test's directory. */
    SqliteStore store();

    /** Opens the state file again, as a new run would, after {@code store().close()}. */
    void openStore();

    /** The test's own directory, holding the state file. */
    Path dir();

    /** Takes the waits between retries: recorded, not taken. */
    RecordingSleeper sleeper();

    // --- the labeler under test ----------------------------------------------------------------

    /** How a test labeler is set up; waits between retries are recorded, not taken. */
    record Settings(int concurrency, Duration timeout, int retries, Double budget) {
        Settings withTimeout(Duration shorter) {
            return new Settings(concurrency, shorter, retries, budget);
        }

        Settings withRetries(int count) {
            return new Settings(concurrency, timeout, count, budget);
        }

        Settings withConcurrency(int count) {
            return new Settings(count, timeout, retries, budget);
        }

        Settings withBudget(double dollars) {
            return new Settings(1, timeout, retries, dollars);
        }

        /** The config counts whole seconds. */
        int timeoutSeconds() {
            return (int) Math.max(1, timeout.toSeconds());
        }
    }

    static Settings settings() {
        return new Settings(4, Duration.ofSeconds(10), 4, null);
    }

    default LlmConfig config(Settings settings) {
        return new LlmConfig(endpointType(), "test-model", KEY, server().url(basePath()).toString(), 0.0, 64,
                settings.concurrency(), null, settings.timeoutSeconds(), settings.retries(), 4,
                LlmConfig.ConfidenceMethod.AUTO, 5, false, settings.budget(),
                settings.budget() == null ? null : new LlmConfig.Pricing(1000.0, 1000.0));
    }

    default LlmClient client(Settings settings) {
        LlmConfig llm = config(settings);
        return new LlmClient(provider(),
                new LlmClient.Settings("test-model", KEY, server().url(basePath()), settings.retries(), null,
                        settings.budget(), "MY_TEAM_KEY", dir().resolve("config.yaml"), Duration.ofMillis(1)),
                new OkHttpTransport(OkHttpTransport.sharedClient(), settings.timeout(), settings.concurrency()),
                new LlmLedger(store().llmCalls(), provider().name(), "test-model", Prices.of(llm), Clock.systemUTC()),
                sleeper());
    }

    default LlmLabeler labeler(Settings settings) {
        FewShotPrompt prompt = new FewShotPrompt("Reviews", "Overall sentiment of the review.", LABELS, 4, false, null);
        return new LlmLabeler(client(settings), prompt, config(settings),
                ProviderFixture::texts, 1, message -> { });
    }

    static Map<String, String> texts(Collection<String> ids) {
        Map<String, String> texts = new LinkedHashMap<>();
        ids.forEach(id -> texts.put(id, TEXTS.get(id)));
        return texts;
    }

    static ChatRequest request() {
        return new ChatRequest("system", "Label this text:\nText: fine", labelsAnswer(false), true, 0.0, 64, 0);
    }

    /** A label request as the labeler builds it, thinking aloud. */
    static ChatRequest labelRequest() {
        return new ChatRequest("You label texts.", "Text: fine", labelsAnswer(true), true, 0.0, 64, 0);
    }

    static ResponseSchema labelsAnswer(boolean chainOfThought) {
        return new FewShotPrompt("Reviews", "", LABELS, 4, chainOfThought, null).answer();
    }

    /** A shape a later phase asks for: {"edits": [{"text": ..., "reason": ...}]}. */
    static ResponseSchema guidelineEdits() {
        return new ResponseSchema("guideline_edits", "Record the suggested guideline edits.", Json.read("""
                {"type": "object",
                 "properties": {"edits": {"type": "array", "items": {"type": "object",
                     "properties": {"text": {"type": "string"}, "reason": {"type": "string"}},
                     "required": ["text", "reason"], "additionalProperties": false}}},
                 "required": ["edits"], "additionalProperties": false}
                """));
    }

    // --- the fake model -------------------------------------------------------------------------

    static String answer(String label) {
        return "{\"label\":\"" + label + "\"}";
    }

    /** The fake model: the item's sentiment from its words. */
    static String sentimentOf(String userMessage) {
        String item = userMessage.substring(userMessage.lastIndexOf("Text: "));
        return item.contains("good") ? "Positive" : item.contains("bad") ? "Negative" : "Neutral";
    }

    static Map<String, Double> distributionFor(String label) {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        LABELS.forEach(each -> probabilities.put(each, each.equals(label) ? 0.9 : 0.05));
        return probabilities;
    }

    /** Answers each request with the label {@code model} gives its user message, in the provider's shape. */
    default Dispatcher answering(Function<String, String> model) {
        return dispatch(request -> {
            String label = model.apply(userMessage(Json.read(request.getBody().utf8())));
            return ok(answerBody(answer(label), LABELS.contains(label) ? distributionFor(label)
                    : Map.of(label, 1.0), 120, 8));
        });
    }

    static Dispatcher dispatch(Function<RecordedRequest, MockResponse> handler) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handler.apply(request);
            }
        };
    }

    private static Map<String, String> sampleTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("p1", "A wonderful film, I loved it.");
        texts.put("p2", "Dull and far too long.");
        texts.put("p3", "It is a film about a family.");
        texts.put("p4", "Great acting and a clever plot.");
        for (int i = 0; i < 12; i++) {
            texts.put("good-" + i, "Item " + i + ": a good movie.");
            texts.put("bad-" + i, "Item " + i + ": a bad movie.");
        }
        return Collections.unmodifiableMap(texts);
    }
}
