package dev.solo.labeler.llm;

/** What the remote labelers have used so far over the whole task. */
public record LlmUsage(long calls, long cachedCalls, long inputTokens, long outputTokens, double costUsd) {
    public static final LlmUsage NONE = new LlmUsage(0, 0, 0, 0, 0);
}
