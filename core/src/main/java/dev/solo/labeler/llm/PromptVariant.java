package dev.solo.labeler.llm;

import dev.solo.config.LlmConfig;
import dev.solo.config.PhasesConfig.Variation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How a remote labeler asks: the instruction's style, the order of the few-shot examples, the
 * reasoning mode and how many examples. Stored as a labeling setup's prompt variant, e.g.
 * {@code llm:detailed similar-last chain-of-thought 5}.
 */
public record PromptVariant(Style style, Order order, Reasoning reasoning, int examples) {
    private static final String PREFIX = "llm:";
    /** The example counts prompt optimization tries. */
    public static final List<Integer> EXAMPLE_COUNTS = List.of(3, 5, 10, 15);

    /** {@code plain}: the task, the guidelines and the labels; {@code detailed}: also how an expert annotator decides. */
    public enum Style { PLAIN, DETAILED }

    /** Where the examples most similar to the item stand: next to it (last), first, or in no particular order. */
    public enum Order { SIMILAR_LAST, SIMILAR_FIRST, SHUFFLED }

    /** A direct answer, reasoning before the answer, or the vote of several sampled answers. */
    public enum Reasoning { DIRECT, CHAIN_OF_THOUGHT, SELF_CONSISTENCY }

    public PromptVariant {
        if (examples < 1) {
            throw new IllegalArgumentException("a prompt variant shows at least one example, got " + examples);
        }
    }

    /** What the config asks for: plain instructions, similar examples last, its reasoning and example count. */
    public static PromptVariant configured(LlmConfig llm) {
        Reasoning reasoning = llm.chainOfThought() ? Reasoning.CHAIN_OF_THOUGHT
                : llm.confidence() == LlmConfig.ConfidenceMethod.SELF_CONSISTENCY ? Reasoning.SELF_CONSISTENCY
                : Reasoning.DIRECT;
        return new PromptVariant(Style.PLAIN, Order.SIMILAR_LAST, reasoning, llm.fewShotExamples());
    }

    /** The labeler's settings under this variant: its example count, reasoning and how confidence is measured. */
    public LlmConfig applyTo(LlmConfig llm) {
        LlmConfig.ConfidenceMethod confidence = reasoning == Reasoning.SELF_CONSISTENCY
                ? LlmConfig.ConfidenceMethod.SELF_CONSISTENCY
                : llm.confidence() == LlmConfig.ConfidenceMethod.SELF_CONSISTENCY ? LlmConfig.ConfidenceMethod.AUTO
                : llm.confidence();
        return new LlmConfig(llm.endpointType(), llm.model(), llm.apiKey(), llm.baseUrl(), llm.temperature(),
                llm.maxTokens(), llm.maxConcurrency(), llm.requestsPerMinute(), llm.timeoutSeconds(), llm.maxRetries(),
                examples, confidence, llm.selfConsistencySamples(), reasoning == Reasoning.CHAIN_OF_THOUGHT,
                llm.budgetUsd(), llm.pricing());
    }

    /** Requests one item costs under this variant: one, or one per sample for self-consistency. */
    public int requestsPerItem(LlmConfig llm) {
        return reasoning == Reasoning.SELF_CONSISTENCY ? llm.selfConsistencySamples() : 1;
    }

    public String name() {
        return PREFIX + String.join(" ", word(style), word(order), word(reasoning), Integer.toString(examples));
    }

    /** "detailed instructions, most similar examples last, chain of thought, 5 examples", as the results table shows it. */
    public String describe() {
        String ordering = switch (order) {
            case SIMILAR_LAST -> "most similar examples last";
            case SIMILAR_FIRST -> "most similar examples first";
            case SHUFFLED -> "examples shuffled";
        };
        return word(style) + " instructions, " + ordering + ", " + word(reasoning).replace('-', ' ') + ", "
                + examples + " examples";
    }

    /** The variant a setup's prompt variant names; empty for the config's default or a local labeler's variant. */
    public static Optional<PromptVariant> parse(String promptVariant) {
        if (promptVariant == null || !promptVariant.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] words = promptVariant.substring(PREFIX.length()).split(" ");
        try {
            return Optional.of(new PromptVariant(Style.valueOf(constant(words[0])), Order.valueOf(constant(words[1])),
                    Reasoning.valueOf(constant(words[2])), Integer.parseInt(words[3])));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Every variant that differs from {@code current} only in the configured {@code variations}:
     * {@code current} first, then the rest of the grid.
     */
    public static List<PromptVariant> all(PromptVariant current, Set<Variation> variations) {
        List<Style> styles = variations.contains(Variation.INSTRUCTION_STYLE) ? List.of(Style.values()) : List.of(current.style);
        List<Order> orders = variations.contains(Variation.EXAMPLE_ORDERING) ? List.of(Order.values()) : List.of(current.order);
        List<Reasoning> modes = variations.contains(Variation.REASONING_MODE) ? List.of(Reasoning.values())
                : List.of(current.reasoning);
        List<Integer> counts = variations.contains(Variation.EXAMPLE_COUNT) ? EXAMPLE_COUNTS : List.of(current.examples);
        List<PromptVariant> variants = new ArrayList<>(List.of(current));
        for (Style style : styles) {
            for (Order order : orders) {
                for (Reasoning reasoning : modes) {
                    for (int count : counts) {
                        PromptVariant variant = new PromptVariant(style, order, reasoning, count);
                        if (!variant.equals(current)) {
                            variants.add(variant);
                        }
                    }
                }
            }
        }
        return variants;
    }

    /** One-hot style, order and reasoning, and the example count scaled to about 0–1: what a search compares by. */
    public double[] features() {
        double[] features = new double[Style.values().length + Order.values().length + Reasoning.values().length + 1];
        features[style.ordinal()] = 1;
        features[Style.values().length + order.ordinal()] = 1;
        features[Style.values().length + Order.values().length + reasoning.ordinal()] = 1;
        features[features.length - 1] = examples / 15.0;
        return features;
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String constant(String word) {
        return word.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
