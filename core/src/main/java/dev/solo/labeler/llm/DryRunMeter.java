package dev.solo.labeler.llm;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what a run would send instead of sending it ({@code solo start --dry-run}): requests,
 * answers the cache already holds, and tokens estimated from the prompt's length (about four
 * characters a token) and the answer's usual size.
 */
public final class DryRunMeter {
    private static final int CHARACTERS_PER_TOKEN = 4;

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong cached = new AtomicLong();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();

    void countCached() {
        cached.incrementAndGet();
    }

    void count(ChatRequest chat) {
        calls.incrementAndGet();
        inputTokens.addAndGet((chat.system().length() + chat.user().length()) / CHARACTERS_PER_TOKEN + 10);
        // A {"label": ...} answer is a handful of tokens; one with reasoning or other free text uses the limit.
        outputTokens.addAndGet(chat.answer().answerTokens(chat.maxTokens()));
    }

    public long calls() {
        return calls.get();
    }

    public long cachedCalls() {
        return cached.get();
    }

    public long inputTokens() {
        return inputTokens.get();
    }

    public long outputTokens() {
        return outputTokens.get();
    }
}
