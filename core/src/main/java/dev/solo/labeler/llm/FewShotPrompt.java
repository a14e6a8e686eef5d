package dev.solo.labeler.llm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.human.HumanExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;

/**
 * The prompt a remote labeler sends: the task's guidelines and label set in the system message;
 * in the user message, few-shot examples from the person's labels, then the item. Examples are
 * the labeled items most similar to this one (cosine of their embeddings), taken in turn from
 * each label so that every label is shown; the most similar come last, next to the item. The
 * answer must be {"label": one of the labels}, with "reasoning" first when the model is to think
 * aloud.
 */
public final class FewShotPrompt {
    /** What the detailed instruction style adds: how an expert annotator decides. */
    static final String DETAILED_INSTRUCTIONS = "Decide as the expert who labeled the examples would: read the whole "
            + "text, apply the guidelines literally, and when two labels seem to fit, choose the one the guidelines "
            + "and the most similar examples support.\n";

    private final String taskName;
    private final String guidelines;
    private final List<String> labels;
    private final int count;
    private final boolean chainOfThought;
    private final EmbeddingMatrix vectors;
    private final ResponseSchema answer;
    private final PromptVariant.Style style;
    private final PromptVariant.Order order;

    public FewShotPrompt(String taskName, String guidelines, List<String> labels, int count, boolean chainOfThought,
                         EmbeddingMatrix vectors) {
        this(taskName, guidelines, labels, count, chainOfThought, vectors, PromptVariant.Style.PLAIN,
                PromptVariant.Order.SIMILAR_LAST);
    }

    /** A prompt in a variant's style and example order ({@link PromptVariant}). */
    public FewShotPrompt(String taskName, String guidelines, List<String> labels, int count, boolean chainOfThought,
                         EmbeddingMatrix vectors, PromptVariant.Style style, PromptVariant.Order order) {
        this.style = style;
        this.order = order;
        this.taskName = taskName;
        this.guidelines = guidelines == null ? "" : guidelines;
        this.labels = List.copyOf(labels);
        this.count = count;
        this.chainOfThought = chainOfThought;
        this.vectors = vectors;
        this.answer = answerSchema(this.labels, chainOfThought);
    }

    public List<String> labels() {
        return labels;
    }

    public boolean chainOfThought() {
        return chainOfThought;
    }

    /** The shape of the answer: {"label": one of the labels}, after "reasoning" when thinking aloud. */
    public ResponseSchema answer() {
        return answer;
    }

    /**
     * The examples shown for {@code itemId}: at most {@code count}, balanced across labels, least
     * similar first (most similar first, or shuffled by the item's id, in those orders).
     */
    public List<HumanExample> examplesFor(String itemId, List<HumanExample> pool) {
        Map<String, List<Scored>> byLabel = new LinkedHashMap<>();
        labels.forEach(label -> byLabel.put(label, new ArrayList<>()));
        for (HumanExample example : pool) {
            if (!example.itemId().equals(itemId) && byLabel.containsKey(example.label())) {
                byLabel.get(example.label()).add(new Scored(example, similarity(itemId, example.itemId())));
            }
        }
        Comparator<Scored> mostSimilarFirst = Comparator.comparingDouble(Scored::similarity).reversed()
                .thenComparing(scored -> scored.example().itemId());
        byLabel.values().forEach(list -> list.sort(mostSimilarFirst));
        List<Scored> chosen = new ArrayList<>();
        for (int depth = 0; chosen.size() < count; depth++) {
            boolean any = false;
            for (List<Scored> list : byLabel.values()) {
                if (depth < list.size() && chosen.size() < count) {
                    chosen.add(list.get(depth));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        chosen.sort(mostSimilarFirst.reversed());
        List<HumanExample> examples = new ArrayList<>(chosen.stream().map(Scored::example).toList());
        if (order == PromptVariant.Order.SIMILAR_FIRST) {
            Collections.reverse(examples);
        } else if (order == PromptVariant.Order.SHUFFLED) {
            Collections.shuffle(examples, new Random(itemId.hashCode()));
        }
        return examples;
    }

    public String system() {
        StringBuilder text = new StringBuilder();
        text.append("You label texts for the task \"").append(taskName).append("\".\n");
        if (!guidelines.isBlank()) {
            text.append("Guidelines: ").append(guidelines.strip()).append('\n');
        }
        if (style == PromptVariant.Style.DETAILED) {
            text.append(DETAILED_INSTRUCTIONS);
        }
        text.append("The label must be exactly one of: ").append(String.join(", ", labels)).append(".\n");
        text.append(chainOfThought
                ? "Answer with a JSON object: first \"reasoning\" (a few sentences), then \"label\"."
                : "Answer with a JSON object {\"label\": \"...\"} and nothing else.");
        return text.toString();
    }

    /** The user message: each example's text and label, then the item's text. */
    public String user(List<HumanExample> examples, Map<String, String> texts, String itemText) {
        StringBuilder text = new StringBuilder();
        if (!examples.isEmpty()) {
            text.append("Examples labeled by the expert:\n\n");
            for (HumanExample example : examples) {
                text.append("Text: ").append(texts.get(example.itemId())).append('\n');
                text.append("Label: ").append(example.label()).append("\n\n");
            }
        }
        text.append("Label this text:\nText: ").append(itemText);
        return text.toString();
    }

    private double similarity(String itemId, String exampleId) {
        if (vectors == null) {
            return 0;
        }
        OptionalInt item = vectors.row(itemId);
        OptionalInt example = vectors.row(exampleId);
        return item.isPresent() && example.isPresent() ? vectors.similarity(item.getAsInt(), example.getAsInt()) : 0;
    }

    /** The schema every label request has always sent; its bytes are part of the answers' cache keys. */
    private static ResponseSchema answerSchema(List<String> labels, boolean chainOfThought) {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        if (chainOfThought) {
            properties.putObject("reasoning").put("type", "string");
            required.add("reasoning");
        }
        ObjectNode label = properties.putObject("label");
        label.put("type", "string");
        ArrayNode choices = label.putArray("enum");
        labels.forEach(choices::add);
        required.add("label");
        schema.put("additionalProperties", false);
        return new ResponseSchema("label", "Record the label chosen for the text.", schema);
    }

    private record Scored(HumanExample example, double similarity) {
    }
}
