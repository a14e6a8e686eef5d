package dev.solo.labeler.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Phase 9 with a remote model: new short texts that sit between two labels the model confuses,
 * written from the guidelines and a few of the person's labeled examples of each side. Asked
 * through the labeler's own client, so the request is cached, retried, counted against the budget
 * and metered by a dry run. The texts come back without labels: the person labels them.
 */
public final class EdgeCaseWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIN_ANSWER_TOKENS = 2_000;
    /** Longer texts are cut: an edge case is a sentence or two, not an essay. */
    static final int LONGEST = 600;

    private final LlmClient client;
    private final String taskName;
    private final double temperature;
    private final int maxTokens;

    public EdgeCaseWriter(LlmClient client, String taskName, double temperature, int maxTokens) {
        this.client = client;
        this.taskName = taskName;
        this.temperature = temperature;
        this.maxTokens = Math.max(maxTokens, MIN_ANSWER_TOKENS);
    }

    /** Two labels the model confuses, with texts the person gave each of them. */
    public record Boundary(String first, String second, List<String> firstExamples, List<String> secondExamples) {
    }

    /** Up to {@code count} distinct new texts on the boundary, in the order the model wrote them. */
    public List<String> write(String guidelines, List<String> labels, Boundary boundary, int count) {
        String system = "You write new example texts for the labeling task \"" + taskName + "\": hard cases an "
                + "annotator could place under either of two labels, realistic and varied in wording, length and topic, "
                + "none copying an example.";
        StringBuilder user = new StringBuilder("Guidelines:\n")
                .append(guidelines.isBlank() ? "(none)" : guidelines.strip())
                .append("\n\nLabels: ").append(String.join(", ", labels))
                .append(String.format(Locale.ROOT, "%n%nThe model confuses %s and %s.%n", boundary.first(), boundary.second()));
        examples(user, boundary.first(), boundary.firstExamples());
        examples(user, boundary.second(), boundary.secondExamples());
        user.append(String.format(Locale.ROOT, "%nWrite %d new texts near the line between %s and %s, about half "
                + "leaning each way.", count, boundary.first(), boundary.second()));
        String content = client.complete(new ChatRequest(system, user.toString(), schema(), false, temperature,
                maxTokens, 0)).content();
        Set<String> texts = new LinkedHashSet<>();
        for (JsonNode text : read(content).path("texts")) {
            String written = text.asText("").strip();
            if (!written.isEmpty() && texts.size() < count) {
                texts.add(written.length() > LONGEST ? written.substring(0, LONGEST).strip() : written);
            }
        }
        return new ArrayList<>(texts);
    }

    public String describe() {
        return client.provider().name() + ":" + client.model();
    }

    private static void examples(StringBuilder user, String label, List<String> texts) {
        if (!texts.isEmpty()) {
            user.append("\nLabeled ").append(label).append(" by the expert:\n");
            texts.forEach(text -> user.append("- ").append(text).append('\n'));
        }
    }

    static ResponseSchema schema() {
        ObjectNode root = JSON.createObjectNode().put("type", "object");
        ObjectNode texts = root.putObject("properties").putObject("texts").put("type", "array");
        texts.putObject("items").put("type", "string");
        root.putArray("required").add("texts");
        root.put("additionalProperties", false);
        return new ResponseSchema("edge_cases", "Record the new example texts.", root);
    }

    private static JsonNode read(String content) {
        try {
            return JSON.readTree(content == null ? "{}" : content);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
