package dev.solo.labeler.llm;

import java.time.Instant;

/** One answer a remote labeler got: its token usage and cost, or that the cache gave it for free. */
public record LlmCall(String provider, String model, long inputTokens, long outputTokens, double costUsd,
                      boolean fromCache, Instant createdAt) {
}
