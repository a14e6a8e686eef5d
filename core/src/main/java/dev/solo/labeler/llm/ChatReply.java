package dev.solo.labeler.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A chat model's answer: the text it wrote (the JSON answer, or a tool call's input as JSON), the
 * answer's tokens with their log-probabilities when the provider gave them ({@code null}
 * otherwise), and the tokens it used.
 */
public record ChatReply(String content, JsonNode tokenLogprobs, long inputTokens, long outputTokens) {

    /** Probabilities of each label read from the label's own tokens; null when there are none to read. */
    public Map<String, Double> labelProbabilities(List<String> labels) {
        return tokenLogprobs == null ? null : LabelTokenProbabilities.read(tokenLogprobs, labels);
    }
}
