package dev.solo.labeler.llm;

import dev.solo.config.LlmConfig;
import dev.solo.store.LlmCall;
import dev.solo.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The remote labeler's books in the task's store: the response cache and every call's tokens
 * and cost. Requests run on several threads; the store is reached only through here, one thread
 * at a time.
 */
public final class LlmLedger {
    private final Store store;
    private final String provider;
    private final String model;
    private final Optional<LlmConfig.Pricing> pricing;
    private final Clock clock;
    private double spentUsd;

    public LlmLedger(Store store, String provider, String model, Optional<LlmConfig.Pricing> pricing, Clock clock) {
        this.store = store;
        this.provider = provider;
        this.model = model;
        this.pricing = pricing;
        this.clock = clock;
        synchronized (store) {
            this.spentUsd = store.llmUsage().costUsd();
        }
    }

    Optional<String> cached(String key) {
        synchronized (store) {
            return store.cachedLlmResponse(key);
        }
    }

    void recordCacheHit() {
        synchronized (store) {
            store.saveLlmCall(new LlmCall(provider, model, 0, 0, 0, true, now()), null, null);
        }
    }

    void record(String key, String response, ChatReply reply) {
        double cost = pricing.map(price -> Prices.cost(price, reply.inputTokens(), reply.outputTokens())).orElse(0.0);
        synchronized (store) {
            store.saveLlmCall(new LlmCall(provider, model, reply.inputTokens(), reply.outputTokens(), cost, false, now()),
                    key, response);
            spentUsd += cost;
        }
    }

    double spentUsd() {
        synchronized (store) {
            return spentUsd;
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
