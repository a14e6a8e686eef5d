package dev.solo.labeler.llm;

import java.util.List;

/**
 * One question to a chat model: instructions, the few-shot examples and the item in one user
 * message, the label set the answer must come from. {@code sample} tells apart the repeated
 * requests of self-consistency, which would otherwise share one cache entry.
 */
public record ChatRequest(String system, String user, List<String> labels, boolean chainOfThought,
                          boolean wantLogprobs, double temperature, int maxTokens, int sample) {

    public ChatRequest {
        labels = List.copyOf(labels);
    }

    ChatRequest asSample(int index, double samplingTemperature) {
        return new ChatRequest(system, user, labels, chainOfThought, wantLogprobs, samplingTemperature, maxTokens, index);
    }
}
