package dev.solo.labeler.llm;

import static dev.solo.testing.FakeChatCompletions.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.solo.SoloInputException;
import dev.solo.config.LlmConfig;
import dev.solo.labeler.Prediction;
import dev.solo.human.HumanExample;
import dev.solo.store.SqliteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every remote labeler must have, run against a local HTTP server that answers in
 * the provider's documented response shape. Each provider's test supplies only that shape.
 */
abstract class ProviderContract {
    static final String KEY = "sk-test-0123456789abcdef";
    static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");
    static final List<HumanExample> POOL = List.of(new HumanExample("p1", "Positive"),
            new HumanExample("p2", "Negative"), new HumanExample("p3", "Neutral"), new HumanExample("p4", "Positive"));
    static final Map<String, String> TEXTS = new LinkedHashMap<>();
    /** The timeout test leaves a connection that never sends a request; the server logs that at WARNING. */
    private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

    static {
        SERVER_LOG.setLevel(Level.OFF);
        TEXTS.put("p1", "A wonderful film, I loved it.");
        TEXTS.put("p2", "Dull and far too long.");
        TEXTS.put("p3", "It is a film about a family.");
        TEXTS.put("p4", "Great acting and a clever plot.");
        for (int i = 0; i < 12; i++) {
            TEXTS.put("good-" + i, "Item " + i + ": a good movie.");
            TEXTS.put("bad-" + i, "Item " + i + ": a bad movie.");
        }
    }

    @TempDir
    Path dir;

    MockWebServer server;
    SqliteStore store;
    final RecordingSleeper sleeper = new RecordingSleeper();

    /** The provider under test. */
    abstract ChatProvider provider();

    abstract LlmConfig.EndpointType endpointType();

    /** The base URL path the provider's API lives under on the fake server. */
    abstract String basePath();

    /** The path a chat request must go to, under the base. */
    abstract String chatPath();

    /** The user message of a request body, as the provider's request shape holds it. */
    abstract String userMessage(JsonNode requestBody);

    /** A 200 body answering {@code content}; {@code probabilities} per label when the API gives log-probabilities. */
    abstract String answerBody(String content, Map<String, Double> probabilities, long inputTokens, long outputTokens);

    /** The body of an authentication error, echoing {@code message}. */
    abstract String authErrorBody(String message);

    /** Checks the provider-specific headers of a request. */
    abstract void assertHeaders(RecordedRequest request);

    /**
     * The body earlier versions sent for {@link #labelRequest}, byte for byte: answers are cached
     * under a hash of the body, so a changed body would ask every cached question again.
     */
    abstract String labelRequestBody();

    /** Checks that the request body carries {@code answer} where the provider's API documents it. */
    abstract void assertAnswerSchemaSent(JsonNode requestBody, ResponseSchema answer);

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        store = SqliteStore.open(dir.resolve("state.db"));
    }

    @AfterEach
    void stopServer() {
        server.close();
        store.close();
    }

    // --- the shared behaviour ---------------------------------------------------------------

    @Test
    void labelsEachItemFromTheLabelSetInTheProvidersShapeAndRecordsTheTokens() throws Exception {
        server.setDispatcher(answering(this::sentimentOf));

        List<Prediction> predictions = labeler(settings()).train(POOL).predict(List.of("good-1", "bad-1"));

        assertThat(predictions).extracting(Prediction::label).containsExactly("Positive", "Negative");
        assertThat(predictions).allSatisfy(p -> assertThat(p.confidence()).isBetween(0.5, 1.0));
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo(basePath() + chatPath());
        assertHeaders(request);
        String body = request.getBody().utf8();
        assertThat(body).contains("test-model").contains("\"enum\":[\"Positive\",\"Neutral\",\"Negative\"]")
                .doesNotContain(KEY);
        String user = userMessage(Json.read(body));
        assertThat(user).contains("Text: A wonderful film, I loved it.\nLabel: Positive")
                .contains("Text: Dull and far too long.\nLabel: Negative")
                .matches("(?s).*Label this text:\nText: Item 1: a (good|bad) movie\\.");
        assertThat(store.llmCalls().usage().calls()).isEqualTo(server.getRequestCount());
        assertThat(store.llmCalls().usage().inputTokens()).isEqualTo(120L * server.getRequestCount());
    }

    @Test
    void confidenceComesFromTheLabelsTokenProbabilitiesOrFromVotes() {
        AtomicInteger served = new AtomicInteger();
        // with log-probabilities: 0.8 / 0.15 / 0.05; without: four votes of five for Positive
        server.setDispatcher(dispatch(request -> ok(answerBody(answer(served.getAndIncrement() % 5 == 4
                ? "Neutral" : "Positive"), Map.of("Positive", 0.8, "Neutral", 0.15, "Negative", 0.05), 120, 8))));

        Prediction prediction = labeler(settings()).train(POOL).predict(List.of("good-2")).get(0);

        assertThat(prediction.label()).isEqualTo("Positive");
        if (provider().givesLogprobs()) {
            assertThat(prediction.confidence()).isCloseTo((0.8 + 0.01) / (1.0 + 0.03), within(1e-9));
            assertThat(server.getRequestCount()).isEqualTo(1);
        } else {
            assertThat(prediction.confidence()).isCloseTo((0.8 + 0.01) / (1.0 + 0.03), within(1e-9));
            assertThat(server.getRequestCount()).isEqualTo(5);
        }
        assertThat(prediction.margin()).isGreaterThan(0.5);
    }

    @Test
    void chainOfThoughtAsksForReasoningFirstAndKeepsItWithThePrediction() throws Exception {
        String content = "{\"reasoning\":\"It praises the movie.\",\"label\":\"Positive\"}";
        server.setDispatcher(dispatch(request -> ok(answerBody(content, distributionFor("Positive"), 120, 8))));
        FewShotPrompt thinking = new FewShotPrompt("Reviews", "Overall sentiment.", LABELS, 4, true, null);
        LlmLabeler labeler = new LlmLabeler(client(settings()), thinking, config(settings()),
                ProviderContract::texts, 1, message -> { });

        Prediction prediction = labeler.train(POOL).predict(List.of("good-10")).get(0);

        assertThat(prediction.label()).isEqualTo("Positive");
        assertThat(prediction.reasoning()).isEqualTo("It praises the movie.");
        String body = server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8();
        assertThat(body).contains("\"required\":[\"reasoning\",\"label\"]");
    }

    @Test
    void aLabelRequestIsSentAsBeforeSoCachedAnswersStillMatch() {
        assertThat(provider().body("gpt-4o-mini", labelRequest())).isEqualTo(labelRequestBody());
    }

    @Test
    void anAnswerOfAnyShapeIsAskedForWithTheRequestsSchemaAndReadBack() throws Exception {
        String content = "{\"edits\":[{\"text\":\"Sarcastic praise is Negative.\","
                + "\"reason\":\"two sarcastic reviews were labeled Positive\"}]}";
        server.setDispatcher(dispatch(request -> ok(answerBody(content, Map.of(), 300, 40))));
        ResponseSchema edits = guidelineEdits();

        ChatReply reply = client(settings()).complete(new ChatRequest("You improve labeling guidelines.",
                "Guidelines: Overall sentiment.\nMistakes: ...", edits, false, 0.0, 512, 0));

        assertThat(Json.read(reply.content())).isEqualTo(Json.read(content));
        JsonNode body = Json.read(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertAnswerSchemaSent(body, edits);
        assertThat(body.toString()).doesNotContain("label_answer").doesNotContain("record_label");
        assertThat(store.llmCalls().usage().calls()).isEqualTo(1);
        assertThat(store.llmCalls().usage().inputTokens()).isEqualTo(300);
    }

    @Test
    void aRunOf429sIsRetriedHonouringRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", i == 0 ? "1" : "0")
                    .body("{\"error\":{\"message\":\"rate limited\"}}").build());
        }
        server.enqueue(ok(answerBody(answer("Positive"), Map.of("Positive", 0.9, "Neutral", 0.05, "Negative", 0.05),
                120, 8)));

        ChatReply reply = client(settings()).complete(request());

        assertThat(LabelAnswer.read(reply.content(), LABELS).label()).contains("Positive");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(sleeper.waits()).as("the waits Retry-After asked for")
                .containsExactly(Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO);
    }

    @Test
    void serverErrorsAndMalformedJsonAreRetried() {
        server.enqueue(new MockResponse.Builder().code(503).body("upstream unavailable").build());
        server.enqueue(ok("{\"choices\": [ {\"message\": "));
        server.enqueue(ok(answerBody(answer("Negative"), Map.of("Positive", 0.1, "Neutral", 0.1, "Negative", 0.8),
                120, 8)));

        ChatReply reply = client(settings()).complete(request());

        assertThat(LabelAnswer.read(reply.content(), LABELS).label()).contains("Negative");
        assertThat(server.getRequestCount()).isEqualTo(3);
        // no Retry-After: backoff from the 1 ms base, at most 1 ms then 2 ms
        assertThat(sleeper.waits()).hasSize(2);
        assertThat(sleeper.waits().get(0)).isLessThanOrEqualTo(Duration.ofMillis(1));
        assertThat(sleeper.waits().get(1)).isBetween(Duration.ofMillis(1), Duration.ofMillis(2));
    }

    @Test
    void aTimeoutIsRetried() {
        server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS)
                .body(answerBody(answer("Positive"), Map.of("Positive", 1.0), 120, 8)).build());
        server.enqueue(ok(answerBody(answer("Neutral"), Map.of("Positive", 0.1, "Neutral", 0.8, "Negative", 0.1),
                120, 8)));

        ChatReply reply = client(settings().withTimeout(Duration.ofMillis(250))).complete(request());

        assertThat(LabelAnswer.read(reply.content(), LABELS).label()).contains("Neutral");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void exhaustedRetriesSayWhatHappenedAndThatTheRunResumes() {
        server.setDispatcher(dispatch(request -> new MockResponse.Builder().code(500).body("boom").build()));

        assertThatThrownBy(() -> client(settings().withRetries(2)).complete(request()))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("did not answer after 3 attempts (last: HTTP 500: boom)")
                .hasMessageContaining("running again resumes");
    }

    @Test
    void anAnswerOutsideTheLabelSetIsAskedOnceMoreThenRecordedAsAnAbstention() {
        server.setDispatcher(answering(text -> "Mixed"));

        List<Prediction> predictions = labeler(settings()).train(POOL).predict(List.of("good-3", "bad-3"));

        assertThat(predictions).allMatch(Prediction::abstained);
        int perItem = provider().givesLogprobs() ? 2 : 5;
        assertThat(server.getRequestCount()).isEqualTo(2 * perItem);
    }

    @Test
    void aWrongKeyStopsWithOneLineNamingTheVariableAndNeverShowingTheKey() {
        server.setDispatcher(dispatch(request -> new MockResponse.Builder().code(401)
                .body(authErrorBody("Incorrect API key provided: " + KEY)).build()));

        assertThatThrownBy(() -> labeler(settings()).train(POOL).predict(List.of("good-4")))
                .isInstanceOf(SoloInputException.class)
                .satisfies(e -> assertThat(((SoloInputException) e).oneLine())
                        .contains(provider().name() + " refused the API key (HTTP 401")
                        .contains("set MY_TEAM_KEY to a valid key")
                        .doesNotContain(KEY));
        assertThat(server.getRequestCount()).as("a refused key is not retried").isEqualTo(1);
    }

    @Test
    void aRepeatedRunMakesNoNewCallsAndTheKeyIsWrittenNowhere() throws IOException {
        server.setDispatcher(answering(this::sentimentOf));
        List<String> items = List.of("good-5", "bad-5", "good-6", "bad-6");
        List<Prediction> first = labeler(settings()).train(POOL).predict(items);
        int calls = server.getRequestCount();

        List<Prediction> again = labeler(settings()).train(POOL).predict(items);

        assertThat(again).isEqualTo(first);
        assertThat(server.getRequestCount()).isEqualTo(calls);
        assertThat(store.llmCalls().usage().cachedCalls()).isEqualTo(calls);
        store.close();
        for (Path file : List.of(dir.resolve("state.db"), dir.resolve("state.db-wal"))) {
            if (Files.exists(file)) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(KEY);
            }
        }
        store = SqliteStore.open(dir.resolve("state.db"));
    }

    @Test
    void aFailureMidBatchKeepsTheFinishedAnswersAndTheRestResumes() {
        AtomicInteger outage = new AtomicInteger(1);
        server.setDispatcher(dispatch(request -> {
            String text = userMessage(Json.read(request.getBody().utf8()));
            if (outage.get() == 1 && text.contains("Item 7")) {
                return new MockResponse.Builder().code(503).body("overloaded").build();
            }
            return ok(answerBody(answer(sentimentOf(text)), distributionFor(sentimentOf(text)), 120, 8));
        }));
        List<String> items = List.of("good-0", "good-1", "good-7", "bad-0", "bad-1", "bad-7");
        assertThatThrownBy(() -> labeler(settings().withRetries(1)).train(POOL).predict(items))
                .isInstanceOf(LlmUnavailableException.class);
        long answered = store.llmCalls().usage().calls();
        outage.set(0);
        int before = server.getRequestCount();

        List<Prediction> predictions = labeler(settings()).train(POOL).predict(items);

        assertThat(predictions).extracting(Prediction::label)
                .containsExactly("Positive", "Positive", "Positive", "Negative", "Negative", "Negative");
        int perItem = provider().givesLogprobs() ? 1 : 5;
        assertThat(answered).as("finished answers were kept").isPositive();
        assertThat(server.getRequestCount() - before).as("nothing already answered is asked again")
                .isEqualTo(items.size() * perItem - answered);
    }

    @Test
    void noMoreThanMaxConcurrencyRequestsAreInFlight() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        server.setDispatcher(dispatch(request -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            String text = userMessage(Json.read(request.getBody().utf8()));
            return ok(answerBody(answer(sentimentOf(text)), distributionFor(sentimentOf(text)), 120, 8));
        }));
        List<String> items = TEXTS.keySet().stream().filter(id -> !id.startsWith("p")).toList();

        labeler(settings().withConcurrency(3)).train(POOL).predict(items);

        assertThat(most.get()).isBetween(2, 3);
    }

    @Test
    void aSpentBudgetStopsBeforeSendingAndSaysHowToGoOn() {
        server.setDispatcher(answering(this::sentimentOf));
        // $1,000 per million tokens: one 128-token answer costs $0.128
        Settings expensive = settings().withBudget(0.1);

        assertThatThrownBy(() -> labeler(expensive).train(POOL).predict(List.of("good-8", "bad-8", "good-9")))
                .isInstanceOf(SoloInputException.class)
                .hasMessageContaining("the LLM budget of $0.10 is spent");
        assertThat(store.llmCalls().usage().costUsd()).isGreaterThan(0.1);
        assertThat(server.getRequestCount()).isLessThanOrEqualTo(expensive.concurrency());
    }

    // --- the fake server and the labeler under test ------------------------------------------

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

    LlmConfig config(Settings settings) {
        return new LlmConfig(endpointType(), "test-model", KEY, server.url(basePath()).toString(), 0.0, 64,
                settings.concurrency(), null, settings.timeoutSeconds(), settings.retries(), 4,
                LlmConfig.ConfidenceMethod.AUTO, 5, false, settings.budget(),
                settings.budget() == null ? null : new LlmConfig.Pricing(1000.0, 1000.0));
    }

    LlmClient client(Settings settings) {
        LlmConfig llm = config(settings);
        return new LlmClient(provider(),
                new LlmClient.Settings("test-model", KEY, server.url(basePath()), settings.retries(), null,
                        settings.budget(), "MY_TEAM_KEY", dir.resolve("config.yaml"), Duration.ofMillis(1)),
                new OkHttpTransport(OkHttpTransport.sharedClient(), settings.timeout(), settings.concurrency()),
                new LlmLedger(store.llmCalls(), provider().name(), "test-model", Prices.of(llm), Clock.systemUTC()),
                sleeper);
    }

    LlmLabeler labeler(Settings settings) {
        FewShotPrompt prompt = new FewShotPrompt("Reviews", "Overall sentiment of the review.", LABELS, 4, false, null);
        return new LlmLabeler(client(settings), prompt, config(settings),
                ProviderContract::texts, 1, message -> { });
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

    static String answer(String label) {
        return "{\"label\":\"" + label + "\"}";
    }

    /** The fake model: the item's sentiment from its words. */
    String sentimentOf(String userMessage) {
        String item = userMessage.substring(userMessage.lastIndexOf("Text: "));
        return item.contains("good") ? "Positive" : item.contains("bad") ? "Negative" : "Neutral";
    }

    static Map<String, Double> distributionFor(String label) {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        LABELS.forEach(each -> probabilities.put(each, each.equals(label) ? 0.9 : 0.05));
        return probabilities;
    }

    Dispatcher answering(Function<String, String> model) {
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
}
