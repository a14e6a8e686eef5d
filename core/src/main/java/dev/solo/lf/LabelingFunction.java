package dev.solo.lf;

/**
 * A rule that votes one label on the items it fires on and abstains on the rest. A tiny named
 * value: applying functions ({@link VoteMatrix}), measuring them on human labels
 * ({@link FunctionAnalysis}) and combining their votes ({@link VoteCombiner}) are separate steps.
 */
public sealed interface LabelingFunction permits KeywordFunction, RegexFunction, LengthFunction, ClusterFunction {

    /** Unique within a task, e.g. {@code keyword:not bad->Neutral}. */
    String name();

    /** What a person reads on the review screen, e.g. "contains 'not bad' -> Neutral". */
    String description();

    /** The label it votes. */
    String label();

    /** True when it votes on this item; {@code vector} may be null for functions that read only text. */
    boolean fires(String text, float[] vector);
}
