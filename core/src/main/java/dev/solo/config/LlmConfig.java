package dev.solo.config;

import java.util.Objects;

/**
 * The labeler: {@code local} (the embedded offline model) or a remote provider. {@code api_key}
 * is kept in memory only and never written anywhere. Beyond Potato's keys: concurrency, rate and
 * retry limits, how confidence is measured, the few-shot count, a spending cap and prices.
 */
public record LlmConfig(
        EndpointType endpointType,
        String model,
        String apiKey,
        String baseUrl,
        Double temperature,
        Integer maxTokens,
        Integer maxConcurrency,
        Integer requestsPerMinute,
        Integer timeoutSeconds,
        Integer maxRetries,
        Integer fewShotExamples,
        ConfidenceMethod confidence,
        Integer selfConsistencySamples,
        Boolean chainOfThought,
        Double budgetUsd,
        Pricing pricing) {

    public static final LlmConfig LOCAL =
            new LlmConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public LlmConfig {
        endpointType = Objects.requireNonNullElse(endpointType, EndpointType.LOCAL);
        temperature = Objects.requireNonNullElse(temperature, 0.1);
        maxTokens = Objects.requireNonNullElse(maxTokens, 64);
        maxConcurrency = Objects.requireNonNullElse(maxConcurrency, 8);
        timeoutSeconds = Objects.requireNonNullElse(timeoutSeconds, 60);
        maxRetries = Objects.requireNonNullElse(maxRetries, 6);
        fewShotExamples = Objects.requireNonNullElse(fewShotExamples, 8);
        confidence = Objects.requireNonNullElse(confidence, ConfidenceMethod.AUTO);
        selfConsistencySamples = Objects.requireNonNullElse(selfConsistencySamples, 5);
        chainOfThought = Objects.requireNonNullElse(chainOfThought, false);
        Ranges.positive("max_tokens", maxTokens);
        Ranges.positive("max_concurrency", maxConcurrency);
        Ranges.positive("requests_per_minute", requestsPerMinute);
        Ranges.positive("timeout_seconds", timeoutSeconds);
        Ranges.positive("few_shot_examples", fewShotExamples);
        Ranges.positive("self_consistency_samples", selfConsistencySamples);
        if (maxRetries < 0) {
            throw ConfigRuleException.at("max_retries", "'max_retries' must not be negative, got " + maxRetries, "use 0 or more");
        }
        if (budgetUsd != null && budgetUsd < 0) {
            throw ConfigRuleException.at("budget_usd", "'budget_usd' must not be negative, got " + budgetUsd, "use 0 or more dollars");
        }
        if (endpointType == EndpointType.LOCAL) {
            // For the embedded labeler, 'model' names the embedding model its classifier runs on.
            Ranges.embeddingModel("model", model);
        } else if (model == null) {
            throw ConfigRuleException.missingKey("solo_mode.llm.model", "name the provider's model, e.g. gpt-4o-mini");
        }
    }

    /** Hides the key from logs and error messages. */
    @Override
    public String toString() {
        return "LlmConfig[endpointType=" + endpointType + ", model=" + model + ", baseUrl=" + baseUrl
                + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
    }

    public enum EndpointType { OPENAI, ANTHROPIC, OLLAMA, VLLM, LOCAL }

    /**
     * How a remote labeler's confidence is measured: from the label tokens' log-probabilities
     * (OpenAI, vLLM, Ollama), from the vote share of several samples, or the provider's best.
     */
    public enum ConfidenceMethod { AUTO, LOGPROBS, SELF_CONSISTENCY }

    /** US dollars per million tokens; overrides solo's price table for the model. */
    public record Pricing(Double inputPerMillion, Double outputPerMillion) {
        public Pricing {
            inputPerMillion = Objects.requireNonNullElse(inputPerMillion, 0.0);
            outputPerMillion = Objects.requireNonNullElse(outputPerMillion, 0.0);
        }
    }
}
