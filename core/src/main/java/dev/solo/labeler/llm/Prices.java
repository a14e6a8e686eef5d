package dev.solo.labeler.llm;

import dev.solo.config.LlmConfig;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * US dollars per million input and output tokens, for estimating cost. The table holds list
 * prices of common models (they change: {@code llm.pricing} in the config overrides it);
 * self-hosted vLLM and Ollama cost nothing per token.
 */
public final class Prices {
    private static final Map<String, LlmConfig.Pricing> TABLE = Map.ofEntries(
            Map.entry("gpt-4o", new LlmConfig.Pricing(2.50, 10.00)),
            Map.entry("gpt-4o-mini", new LlmConfig.Pricing(0.15, 0.60)),
            Map.entry("gpt-4.1", new LlmConfig.Pricing(2.00, 8.00)),
            Map.entry("gpt-4.1-mini", new LlmConfig.Pricing(0.40, 1.60)),
            Map.entry("gpt-4.1-nano", new LlmConfig.Pricing(0.10, 0.40)),
            Map.entry("gpt-5", new LlmConfig.Pricing(1.25, 10.00)),
            Map.entry("gpt-5-mini", new LlmConfig.Pricing(0.25, 2.00)),
            Map.entry("gpt-5-nano", new LlmConfig.Pricing(0.05, 0.40)),
            Map.entry("claude-opus-4", new LlmConfig.Pricing(15.00, 75.00)),
            Map.entry("claude-sonnet-4", new LlmConfig.Pricing(3.00, 15.00)),
            Map.entry("claude-3-5-haiku", new LlmConfig.Pricing(0.80, 4.00)),
            Map.entry("claude-haiku-4-5", new LlmConfig.Pricing(1.00, 5.00)));

    private Prices() {
    }

    /** The price of the model: the config's, the table's (longest matching name prefix), or empty if unknown. */
    public static Optional<LlmConfig.Pricing> of(LlmConfig llm) {
        if (llm.pricing() != null) {
            return Optional.of(llm.pricing());
        }
        if (llm.endpointType() == LlmConfig.EndpointType.OLLAMA || llm.endpointType() == LlmConfig.EndpointType.VLLM) {
            return Optional.of(new LlmConfig.Pricing(0.0, 0.0));
        }
        return TABLE.entrySet().stream()
                .filter(entry -> llm.model() != null && llm.model().startsWith(entry.getKey()))
                .max(Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(Map.Entry::getValue);
    }

    static double cost(LlmConfig.Pricing pricing, long inputTokens, long outputTokens) {
        return (inputTokens * pricing.inputPerMillion() + outputTokens * pricing.outputPerMillion()) / 1_000_000;
    }
}
