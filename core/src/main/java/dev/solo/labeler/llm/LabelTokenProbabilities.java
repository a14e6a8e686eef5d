package dev.solo.labeler.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Label probabilities from the log-probabilities of the answer's tokens, as OpenAI-style APIs
 * return them ({@code [{token, logprob, top_logprobs: [{token, logprob}]}]}). The position read
 * is the first token of the label's own value in {@code {"label": "..."}}, not the answer's first
 * token (which is "{"): each alternative at that position counts for the labels it begins.
 */
final class LabelTokenProbabilities {
    private static final Pattern LABEL_VALUE = Pattern.compile("\"label\"\\s*:\\s*\"");

    private LabelTokenProbabilities() {
    }

    /** Normalized probabilities over the labels; null when the tokens do not show the label's position. */
    static Map<String, Double> read(JsonNode tokens, List<String> labels) {
        if (tokens == null || !tokens.isArray() || tokens.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        int[] starts = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            starts[i] = text.length();
            text.append(tokens.get(i).path("token").asText(""));
        }
        Matcher value = LABEL_VALUE.matcher(text);
        if (!value.find()) {
            return null;
        }
        int valueStart = value.end();
        int position = -1;
        for (int i = 0; i < tokens.size(); i++) {
            int end = starts[i] + tokens.get(i).path("token").asText("").length();
            if (starts[i] <= valueStart && valueStart < end) {
                position = i;
                break;
            }
        }
        if (position < 0) {
            return null;
        }
        JsonNode chosen = tokens.get(position);
        String before = text.substring(starts[position], valueStart);
        Map<String, Double> mass = new LinkedHashMap<>();
        labels.forEach(label -> mass.put(label, 0.0));
        JsonNode alternatives = chosen.path("top_logprobs");
        boolean chosenListed = false;
        for (JsonNode alternative : alternatives) {
            chosenListed |= alternative.path("token").asText("").equals(chosen.path("token").asText(""));
            credit(mass, alternative, before, labels);
        }
        if (!chosenListed) {
            credit(mass, chosen, before, labels);
        }
        double total = mass.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            return null;
        }
        mass.replaceAll((label, p) -> p / total);
        return mass;
    }

    /** Adds an alternative's probability to every label its text (after the shared prefix) begins. */
    private static void credit(Map<String, Double> mass, JsonNode alternative, String before, List<String> labels) {
        String token = alternative.path("token").asText("");
        if (!token.startsWith(before)) {
            return;
        }
        String piece = token.substring(before.length());
        int quote = piece.indexOf('"');
        if (quote >= 0) {
            piece = piece.substring(0, quote);
        }
        if (piece.isEmpty()) {
            return;
        }
        String start = piece;
        List<String> begun = labels.stream().filter(label -> label.startsWith(start) || start.startsWith(label)).toList();
        double probability = Math.exp(alternative.path("logprob").asDouble(Double.NEGATIVE_INFINITY));
        begun.forEach(label -> mass.merge(label, probability / begun.size(), Double::sum));
    }
}
