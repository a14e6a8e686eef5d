package dev.solo.labeler.llm;

/**
 * One question to a chat model: instructions in the system message, the rest (examples, the
 * item) in one user message, and the JSON shape the answer must have. {@code sample} tells apart
 * repeated requests, e.g. self-consistency's, which would otherwise share one cache entry.
 */
public record ChatRequest(String system, String user, ResponseSchema answer, boolean wantLogprobs,
                          double temperature, int maxTokens, int sample) {

    public ChatRequest {
        if (answer == null) {
            throw new IllegalArgumentException("a chat request needs the answer's schema");
        }
    }

    ChatRequest asSample(int index, double samplingTemperature) {
        return new ChatRequest(system, user, answer, wantLogprobs, samplingTemperature, maxTokens, index);
    }
}
