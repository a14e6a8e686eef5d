package dev.solo.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A Chat Completions endpoint (OpenAI, vLLM) for a MockWebServer, or with {@link #speaking} an
 * Anthropic Messages or Ollama chat one, labeling like a model: each request's item (the user
 * message after its last {@code Text: }) gets the label {@code labelOfText} gives it, from the
 * labels of the request's schema, with probability {@code sureness} in the label's token
 * log-probabilities and the rest shared by the other labels. Asked for guideline edits, it
 * proposes {@link #GUIDELINE_EDITS}; for edge cases, it writes {@link #EDGE_CASES}. Usage counts a
 * token per four characters of the user message. It can answer late and go down for a while, as
 * real servers do.
 */
public final class FakeChatCompletions extends Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What it answers when asked for guideline edits. */
    public static final String GUIDELINE_EDITS =
            "{\"edits\":[{\"text\":\"Praise that is hedged or faint is Neutral.\",\"reason\":\"hedged praise was read as Positive\"}]}";

    /**
     * What it writes when asked for edge cases: texts in the test fixtures' shape (a film, then a
     * number whose remainder by three is the gold label's index), eleven distinct and one repeated.
     */
    public static final List<String> EDGE_CASES = List.of("a film, long and slow 3003", "a film, long and slow 3006",
            "a film, long and fine 3004", "a plain film, long and slow 3009", "a film, long and fine 3007",
            "a slow but plain film 3010", "a film, long and slow 3003", "a film, slow and long 3012",
            "a film, long and fine 3013", "a long film, fine and slow 3015", "a plain, slow film 3016",
            "a film, long and slowish 3018");

    private final BiFunction<String, String, String> labelOfText;
    private volatile Shape shape = Shape.CHAT_COMPLETIONS;
    private final double sureness;
    private final Duration delay;
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int downAfter;

    public FakeChatCompletions(Function<String, String> labelOfText, double sureness) {
        this(labelOfText, sureness, Duration.ZERO);
    }

    /** Answers each request {@code delay} after it arrives. */
    public FakeChatCompletions(Function<String, String> labelOfText, double sureness, Duration delay) {
        this((system, text) -> labelOfText.apply(text), sureness, delay);
    }

    /** Labels by the system message as well as the text: a model whose answers depend on how it is asked. */
    public FakeChatCompletions(BiFunction<String, String, String> labelOfSystemAndText, double sureness, Duration delay) {
        this.labelOfText = labelOfSystemAndText;
        this.sureness = sureness;
        this.delay = delay;
    }

    /** Answers in another provider's shape from now on. */
    public FakeChatCompletions speaking(Shape another) {
        this.shape = another;
        return this;
    }

    /** After {@code answers} more answers, every request gets a 503 until called again with 0. */
    public void goDownAfter(int answers) {
        served.set(0);
        downAfter = answers;
    }

    /** How many requests were refused while down. */
    public int failures() {
        return failures.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(delay.toNanos());
        if (downAfter > 0 && served.incrementAndGet() > downAfter) {
            failures.incrementAndGet();
            return error(503, "overloaded");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody().utf8());
        } catch (JsonProcessingException e) {
            return error(400, "the body is not JSON");
        }
        JsonNode schema = shape.schema(body);
        String user = shape.user(body);
        if (schema.at("/properties/edits").isObject()) {
            return ok(shape.answer(GUIDELINE_EDITS, "null", user.length() / 4, 30));
        }
        if (schema.at("/properties/texts").isObject()) {
            String texts = JSON.createObjectNode().set("texts", JSON.valueToTree(EDGE_CASES)).toString();
            return ok(shape.answer(texts, "null", user.length() / 4, 120));
        }
        JsonNode choices = schema.at("/properties/label/enum");
        if (!choices.isArray()) {
            return error(400, "this fake answers label requests only");
        }
        List<String> labels = new ArrayList<>();
        choices.forEach(choice -> labels.add(choice.asText()));
        String label = labelOfText.apply(shape.system(body), user.substring(user.lastIndexOf("Text: ") + "Text: ".length()));
        Map<String, Double> probabilities = new LinkedHashMap<>();
        labels.forEach(each -> probabilities.put(each, each.equals(label)
                ? sureness : (1 - sureness) / Math.max(1, labels.size() - 1)));
        String content = "{\"label\":\"" + label + "\"}";
        return ok(shape.answer(content, labelTokens(content, probabilities), user.length() / 4, 6));
    }

    /**
     * The request and response shape of a provider's chat API, as its documentation gives them:
     * where the answer's schema, the system and the user message are, and how an answer comes back.
     */
    public enum Shape {
        /** OpenAI and vLLM: {@code POST /v1/chat/completions}, a JSON-schema response format, token log-probabilities. */
        CHAT_COMPLETIONS("/response_format/json_schema/schema", "/messages/0/content", "/messages/1/content"),
        /** Anthropic: {@code POST /v1/messages}, the schema as a forced tool's input, no log-probabilities. */
        ANTHROPIC_MESSAGES("/tools/0/input_schema", "/system", "/messages/0/content"),
        /** Ollama: {@code POST /api/chat}, the schema as {@code format}, log-probabilities in newer versions. */
        OLLAMA_CHAT("/format", "/messages/0/content", "/messages/1/content");

        private final String schema;
        private final String system;
        private final String user;

        Shape(String schema, String system, String user) {
            this.schema = schema;
            this.system = system;
            this.user = user;
        }

        JsonNode schema(JsonNode body) {
            return body.at(schema);
        }

        String system(JsonNode body) {
            return body.at(system).asText();
        }

        String user(JsonNode body) {
            return body.at(user).asText();
        }

        /** A 200 body answering {@code content} (JSON), with {@code tokens} as its log-probabilities where the API has them. */
        String answer(String content, String tokens, long inputTokens, long outputTokens) {
            return switch (this) {
                case CHAT_COMPLETIONS -> completion(content, tokens, inputTokens, outputTokens);
                case ANTHROPIC_MESSAGES -> """
                        {"id": "msg_01XFDUDYJgAACzvnptvVoYEL", "type": "message", "role": "assistant", "model": "test-model",
                         "content": [{"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "answer",
                                      "input": %s}],
                         "stop_reason": "tool_use", "stop_sequence": null,
                         "usage": {"input_tokens": %d, "output_tokens": %d}}
                        """.formatted(content, inputTokens, outputTokens);
                case OLLAMA_CHAT -> """
                        {"model": "test-model", "created_at": "2025-11-20T10:00:00.000000Z",
                         "message": {"role": "assistant", "content": %s},
                         "done": true, "done_reason": "stop", "prompt_eval_count": %d, "eval_count": %d, "logprobs": %s}
                        """.formatted(quoted(content), inputTokens, outputTokens, tokens);
            };
        }
    }

    /** A 200 response with a JSON body. */
    public static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    /** A chat completion answering {@code content}, with {@code tokens} as its logprobs content (JSON, or null). */
    public static String completion(String content, String tokens, long inputTokens, long outputTokens) {
        return """
                {"id": "chatcmpl-123", "object": "chat.completion", "created": 1731000000, "model": "test-model",
                 "choices": [{"index": 0,
                              "message": {"role": "assistant", "content": %s, "refusal": null},
                              "logprobs": {"content": %s, "refusal": null},
                              "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": %d, "completion_tokens": %d, "total_tokens": %d},
                 "system_fingerprint": "fp_test"}
                """.formatted(quoted(content), tokens, inputTokens, outputTokens, inputTokens + outputTokens);
    }

    /**
     * The token log-probabilities of {"label":"X"} as Chat Completions gives them, with each
     * label of {@code probabilities} an alternative at the label's first token; "null" for an
     * answer without a label.
     */
    public static String labelTokens(String content, Map<String, Double> probabilities) {
        if (!content.contains("\"label\"")) {
            return "null";
        }
        String label = content.replaceAll(".*\"label\":\"([^\"]*)\".*", "$1");
        StringBuilder alternatives = new StringBuilder();
        probabilities.forEach((each, p) -> alternatives.append(alternatives.length() == 0 ? "" : ",")
                .append("{\"token\":\"").append(each).append("\",\"logprob\":").append(Math.log(p))
                .append(",\"bytes\":null}"));
        return "[" + token("{\\\"", 0.0, "") + "," + token("label", 0.0, "") + "," + token("\\\":\\\"", 0.0, "") + ","
                + token(label, Math.log(probabilities.getOrDefault(label, 1.0)), alternatives.toString()) + ","
                + token("\\\"}", 0.0, "") + "]";
    }

    /** {@code text} as a JSON string. */
    public static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String token, double logprob, String alternatives) {
        return "{\"token\":\"" + token + "\",\"logprob\":" + logprob + ",\"bytes\":null,\"top_logprobs\":["
                + alternatives + "]}";
    }

    private static MockResponse error(int code, String message) {
        return new MockResponse.Builder().code(code).body("{\"error\": {\"message\": " + quoted(message) + "}}")
                .build();
    }
}
