package dev.solo.labeler.llm;

import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * One provider's HTTP dialect: how a {@link ChatRequest} becomes a request to its API, and how
 * its documented response shape becomes a {@link ChatReply}. Everything else (retries, cache,
 * concurrency, cost) is shared, in {@link LlmClient}.
 */
public interface ChatProvider {

    /** The {@code endpoint_type} name, e.g. {@code openai}. */
    String name();

    /** Used when the config gives no {@code base_url}. */
    String defaultBaseUrl();

    /** The variable people usually keep this provider's key in, for error messages; null if none is needed. */
    String usualKeyVariable();

    /** Whether the API returns token log-probabilities to read confidence from. */
    boolean givesLogprobs();

    /** The request body, as sent; it never holds the key, and the cache key is computed from it. */
    String body(String model, ChatRequest chat);

    /** The HTTP request carrying {@code body}, with the key in this provider's header. */
    Request request(HttpUrl baseUrl, String apiKey, String body);

    /** Reads a 200 response; throws {@link MalformedReplyException} when it is not the documented shape. */
    ChatReply parse(String responseBody);
}
