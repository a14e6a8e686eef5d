package dev.solo.labeler.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * What a model answered, read strictly: a JSON object whose {@code label} is one of the labels
 * (case and surrounding space forgiven), or a bare label. Anything else is no label: the caller
 * asks once more, then records an abstention.
 */
public record LabelAnswer(Optional<String> label, String reasoning) {

    public static LabelAnswer read(String content, List<String> labels) {
        String text = content == null ? "" : content.strip();
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open >= 0 && close > open) {
            try {
                JsonNode answer = Json.read(text.substring(open, close + 1));
                return new LabelAnswer(canonical(answer.path("label").asText(null), labels),
                        answer.path("reasoning").asText(null));
            } catch (MalformedReplyException e) {
                return new LabelAnswer(Optional.empty(), null);
            }
        }
        return new LabelAnswer(canonical(text.replaceAll("^\"|\"$", ""), labels), null);
    }

    private static Optional<String> canonical(String value, List<String> labels) {
        if (value == null) {
            return Optional.empty();
        }
        return labels.stream().filter(label -> label.equalsIgnoreCase(value.strip())).findFirst();
    }
}
