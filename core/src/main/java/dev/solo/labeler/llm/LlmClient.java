package dev.solo.labeler.llm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.solo.SoloInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Asks a provider one question, reliably and at most once: answers are cached by provider,
 * model and request body; a spent budget stops before sending; 429, 5xx, timeouts and malformed
 * bodies are retried with backoff (honouring Retry-After); a refused key or request becomes a
 * one-line error naming what to fix. Safe to call from several threads. The key is sent in a
 * header only, and scrubbed from every message. Any answer shape works the same way: the
 * request carries its {@link ResponseSchema}.
 */
public final class LlmClient {

    /** Where to send and how hard to try. {@code keyVariable} names the key's variable in messages. */
    public record Settings(String model, String apiKey, HttpUrl baseUrl, int maxRetries, Integer requestsPerMinute,
                           Double budgetUsd, String keyVariable, Path configFile, Duration backoffBase) {

        @Override
        public String toString() {
            return "Settings[model=" + model + ", baseUrl=" + baseUrl + ", apiKey=***]";
        }
    }

    private final ChatProvider provider;
    private final Settings settings;
    private final Transport transport;
    private final LlmLedger ledger;
    private final Backoff backoff;
    private final RateLimiter rateLimiter;
    private final Sleeper sleeper;
    private DryRunMeter dryRun;

    public LlmClient(ChatProvider provider, Settings settings, Transport transport, LlmLedger ledger) {
        this(provider, settings, transport, ledger, Sleeper.REAL);
    }

    /** {@code sleeper} takes the waits between retries and the rate limit's spacing. */
    public LlmClient(ChatProvider provider, Settings settings, Transport transport, LlmLedger ledger, Sleeper sleeper) {
        this.provider = provider;
        this.settings = settings;
        this.transport = transport;
        this.ledger = ledger;
        this.backoff = new Backoff(settings.backoffBase());
        this.rateLimiter = new RateLimiter(settings.requestsPerMinute(), sleeper);
        this.sleeper = sleeper;
    }

    /** From now on, count requests instead of sending them, answering each with {@link #placeholderAnswer}. */
    public LlmClient meteringOnly(DryRunMeter meter) {
        this.dryRun = meter;
        return this;
    }

    public ChatProvider provider() {
        return provider;
    }

    public String model() {
        return settings.model();
    }

    public ChatReply complete(ChatRequest chat) {
        String body = provider.body(settings.model(), chat);
        String key = cacheKey(body, chat.sample());
        Optional<String> cached = ledger.cached(key);
        if (cached.isPresent()) {
            if (dryRun != null) {
                dryRun.countCached();
            } else {
                ledger.recordCacheHit();
            }
            return provider.parse(cached.get());
        }
        if (dryRun != null) {
            dryRun.count(chat);
            return placeholderAnswer(chat, provider.givesLogprobs());
        }
        checkBudget();
        Request request = provider.request(settings.baseUrl(), settings.apiKey(), body);
        String lastProblem = "";
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            String retryAfter = null;
            try {
                rateLimiter.acquire();
                Transport.Response response = transport.send(request);
                retryAfter = response.retryAfter();
                if (response.code() == 200) {
                    ChatReply reply = provider.parse(response.body());
                    ledger.record(key, response.body(), reply);
                    return reply;
                }
                lastProblem = "HTTP " + response.code() + ": " + errorMessage(response.body());
                if (response.code() == 401 || response.code() == 403) {
                    throw refusedKey(response.code(), response.body());
                }
                if (!retryable(response.code())) {
                    throw new SoloInputException(settings.configFile(), scrub(provider.name() + " refused the request ("
                            + lastProblem + ")"), "check solo_mode.llm.model and base_url (" + settings.baseUrl() + ")");
                }
            } catch (MalformedReplyException e) {
                lastProblem = "malformed response: " + e.getMessage();
            } catch (IOException e) {
                lastProblem = transportProblem(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmUnavailableException("interrupted while waiting to call " + provider.name());
            }
            if (attempt < settings.maxRetries()) {
                sleep(backoff.delay(attempt, retryAfter));
            }
        }
        throw new LlmUnavailableException(scrub(provider.name() + " at " + settings.baseUrl() + " did not answer after "
                + (settings.maxRetries() + 1) + " attempts (last: " + lastProblem + "); answers received so far are "
                + "cached, so running again resumes with the rest"));
    }

    /**
     * What a dry run pretends the model said: the smallest answer the schema allows (a label
     * answer names the first label), sure of it. Where the provider gives log-probabilities, each
     * string value is its own token with probability 1, as a label's confidence is read from them.
     */
    static ChatReply placeholderAnswer(ChatRequest chat, boolean givesLogprobs) {
        String content = Json.write(chat.answer().placeholder());
        return new ChatReply(content, givesLogprobs && chat.wantLogprobs() ? certainTokens(content) : null, 0, 0);
    }

    /** The JSON text cut where strings' values begin and end, every piece a certain token. */
    private static ArrayNode certainTokens(String json) {
        ArrayNode tokens = Json.MAPPER.createArrayNode();
        int start = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString && c == '\\') {
                i++;
            } else if (c == '"') {
                int end = inString ? i : i + 1;
                if (end > start) {
                    certain(tokens, json.substring(start, end));
                }
                start = end;
                inString = !inString;
            }
        }
        if (start < json.length()) {
            certain(tokens, json.substring(start));
        }
        return tokens;
    }

    private static void certain(ArrayNode tokens, String token) {
        tokens.addObject().put("token", token).put("logprob", 0.0)
                .putArray("top_logprobs").addObject().put("token", token).put("logprob", 0.0);
    }

    private void checkBudget() {
        Double budget = settings.budgetUsd();
        if (budget != null && ledger.spentUsd() >= budget) {
            throw new SoloInputException(settings.configFile(), String.format(Locale.ROOT,
                    "the LLM budget of $%.2f is spent ($%.2f so far); nothing more was sent", budget, ledger.spentUsd()),
                    "raise solo_mode.llm.budget_usd to go on; every label so far is kept");
        }
    }

    private SoloInputException refusedKey(int code, String body) {
        String usual = provider.usualKeyVariable();
        String hint;
        if (settings.keyVariable() != null) {
            hint = "set " + settings.keyVariable() + " to a valid key for " + provider.name()
                    + " (solo_mode.llm.api_key reads it)";
        } else if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            hint = "put a key the server accepts in solo_mode.llm.api_key"
                    + (usual != null ? ", better as api_key: ${" + usual + "} with " + usual + " exported" : "");
        } else {
            hint = usual != null ? "add api_key: ${" + usual + "} under solo_mode.llm and export " + usual
                    : "add solo_mode.llm.api_key with a key the server accepts";
        }
        return new SoloInputException(settings.configFile(),
                scrub(provider.name() + " refused the API key (HTTP " + code + ": " + errorMessage(body) + ")"), hint);
    }

    private static boolean retryable(int code) {
        return code == 408 || code == 409 || code == 429 || code >= 500;
    }

    /** The provider's own error text: {"error": {"message": ...}} (OpenAI, Anthropic) or {"error": "..."} (Ollama). */
    private static String errorMessage(String body) {
        try {
            var root = Json.read(body);
            var error = root.path("error");
            String message = error.isTextual() ? error.asText() : error.path("message").asText("");
            if (!message.isBlank()) {
                return message.length() > 200 ? message.substring(0, 200) + "…" : message;
            }
        } catch (MalformedReplyException e) {
            // not JSON: fall through to the raw text
        }
        String raw = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return raw.length() > 200 ? raw.substring(0, 200) + "…" : raw;
    }

    private String scrub(String message) {
        String key = settings.apiKey();
        return key == null || key.length() < 4 ? message : message.replace(key, "***");
    }

    private String cacheKey(String body, int sample) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {provider.name(), settings.model(), settings.baseUrl().toString(),
                    body, Integer.toString(sample)}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private void sleep(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmUnavailableException("interrupted while waiting to retry");
        }
    }

    /** A transport failure in words (a timeout, a refused connection), never the exception's class name. */
    private static String transportProblem(IOException e) {
        if (e instanceof java.net.SocketTimeoutException || e instanceof java.io.InterruptedIOException) {
            return "no answer in time";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        return e.getMessage() == null ? "connection failed" : e.getMessage();
    }
}
