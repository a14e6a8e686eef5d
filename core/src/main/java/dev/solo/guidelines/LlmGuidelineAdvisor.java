package dev.solo.guidelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.solo.human.HumanExample;
import dev.solo.labeler.llm.ChatRequest;
import dev.solo.labeler.llm.LlmClient;
import dev.solo.labeler.llm.ResponseSchema;
import dev.solo.metrics.ConfusionReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Guideline suggestions from a remote model, the prompt-refinement loop: the current guidelines
 * and the model's mistakes in, proposed additions out. Asked through the labeler's own client, so
 * the answer is cached, retried, counted against the budget and metered by a dry run.
 */
public final class LlmGuidelineAdvisor implements GuidelineAdvisor {
    static final int PAIRS = 3;
    static final int MOST_EDITS = 3;
    private static final int MIN_ANSWER_TOKENS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LlmClient client;
    private final String taskName;
    private final double temperature;
    private final int maxTokens;

    public LlmGuidelineAdvisor(LlmClient client, String taskName, double temperature, int maxTokens) {
        this.client = client;
        this.taskName = taskName;
        this.temperature = temperature;
        this.maxTokens = Math.max(maxTokens, MIN_ANSWER_TOKENS);
    }

    @Override
    public List<GuidelineSuggestion> suggest(String guidelines, ConfusionReport report, List<HumanExample> labels,
                                             Map<String, String> texts) {
        List<ConfusionReport.Pair> pairs = report.pairs().stream().limit(PAIRS).toList();
        if (pairs.isEmpty()) {
            return List.of();
        }
        String system = "You improve the annotation guidelines of the labeling task \"" + taskName + "\". "
                + "Propose at most " + MOST_EDITS + " short additions (one or two sentences each) that would stop "
                + "the mistakes shown, without contradicting the current guidelines.";
        StringBuilder user = new StringBuilder("Current guidelines:\n")
                .append(guidelines.isBlank() ? "(none)" : guidelines.strip())
                .append("\n\nLabels: ").append(String.join(", ", report.labels()))
                .append("\n\nWhere the model disagreed with the expert:\n");
        for (ConfusionReport.Pair pair : pairs) {
            user.append(String.format(Locale.ROOT, "- the expert said %s, the model said %s: %d times; e.g. %s%n",
                    pair.human(), pair.model(), pair.count(), Examples.quoted(pair.exampleIds(), texts)));
        }
        JsonNode answer = read(client.complete(new ChatRequest(system, user.toString(), schema(), false, temperature,
                maxTokens, 0)).content());
        String evidence = pairs.stream().map(pair -> String.format(Locale.ROOT, "%s -> %s: %d", pair.human(),
                pair.model(), pair.count())).reduce((a, b) -> a + ", " + b).orElse("");
        List<GuidelineSuggestion> suggestions = new ArrayList<>();
        for (JsonNode edit : answer.path("edits")) {
            String text = edit.path("text").asText("").strip();
            if (!text.isEmpty() && suggestions.size() < MOST_EDITS) {
                suggestions.add(new GuidelineSuggestion("s" + (suggestions.size() + 1), text,
                        edit.path("reason").asText("").strip() + " (" + evidence + ")", Optional.empty()));
            }
        }
        return suggestions;
    }

    @Override
    public String describe() {
        return client.provider().name() + ":" + client.model() + " proposes additions from its mistakes; approved "
                + "text goes into every later prompt";
    }

    static ResponseSchema schema() {
        ObjectNode edit = JSON.createObjectNode().put("type", "object");
        edit.putObject("properties").<ObjectNode>set("text", JSON.createObjectNode().put("type", "string"))
                .set("reason", JSON.createObjectNode().put("type", "string"));
        edit.putArray("required").add("text").add("reason");
        edit.put("additionalProperties", false);
        ObjectNode root = JSON.createObjectNode().put("type", "object");
        ObjectNode edits = root.putObject("properties").putObject("edits").put("type", "array");
        edits.set("items", edit);
        root.putArray("required").add("edits");
        root.put("additionalProperties", false);
        return new ResponseSchema("guideline_edits", "Record the proposed guideline additions.", root);
    }

    private static JsonNode read(String content) {
        try {
            return JSON.readTree(content == null ? "{}" : content);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
