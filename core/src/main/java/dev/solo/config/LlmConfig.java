package dev.solo.config;

import java.util.Objects;

/**
 * The labeler: {@code local} (the embedded offline model) or a remote provider. {@code api_key}
 * is kept in memory only and never written anywhere.
 */
public record LlmConfig(
        EndpointType endpointType,
        String model,
        String apiKey,
        String baseUrl,
        Double temperature,
        Integer maxTokens) {

    public static final LlmConfig LOCAL = new LlmConfig(null, null, null, null, null, null);

    public LlmConfig {
        endpointType = Objects.requireNonNullElse(endpointType, EndpointType.LOCAL);
        temperature = Objects.requireNonNullElse(temperature, 0.1);
        maxTokens = Objects.requireNonNullElse(maxTokens, 64);
        Ranges.positive("max_tokens", maxTokens);
        if (endpointType == EndpointType.LOCAL) {
            // For the embedded labeler, 'model' names the embedding model its classifier runs on.
            Ranges.embeddingModel("model", model);
        }
    }

    /** Hides the key from logs and error messages. */
    @Override
    public String toString() {
        return "LlmConfig[endpointType=" + endpointType + ", model=" + model + ", baseUrl=" + baseUrl
                + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
    }

    public enum EndpointType { OPENAI, ANTHROPIC, OLLAMA, VLLM, LOCAL }
}
