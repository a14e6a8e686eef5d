package dev.solo.labeler.llm;

import dev.solo.config.LlmConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The remote labeler's books in the task's store: the response cache and every call's tokens
 * and cost. Requests run on several threads; the call log is safe for that, and the spending
 * total is kept here under a lock.
 */
public final class LlmLedger {
    private final LlmCallLog calls;
    private final String provider;
    private final String model;
    private final Optional<LlmConfig.Pricing> pricing;
    private final Clock clock;
    private double spentUsd;

    public LlmLedger(LlmCallLog calls, String provider, String model, Optional<LlmConfig.Pricing> pricing, Clock clock) {
        this.calls = calls;
        this.provider = provider;
        this.model = model;
        this.pricing = pricing;
        this.clock = clock;
        this.spentUsd = calls.usage().costUsd();
    }

    Optional<String> cached(String key) {
        return calls.cachedResponse(key);
    }

    void recordCacheHit() {
        calls.saveCall(new LlmCall(provider, model, 0, 0, 0, true, now()), null, null);
    }

    void record(String key, String response, ChatReply reply) {
        double cost = pricing.map(price -> Prices.cost(price, reply.inputTokens(), reply.outputTokens())).orElse(0.0);
        calls.saveCall(new LlmCall(provider, model, reply.inputTokens(), reply.outputTokens(), cost, false, now()),
                key, response);
        synchronized (this) {
            spentUsd += cost;
        }
    }

    double spentUsd() {
        synchronized (this) {
            return spentUsd;
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
