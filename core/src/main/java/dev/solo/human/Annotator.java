package dev.solo.human;

/**
 * The person who knows the labels, asked through typed requests that return typed decisions.
 * Implementations: the terminal, where a person answers with keys; a line-by-line fallback when
 * standard input is not a terminal; and the oracle, which answers from a gold-label file and a
 * fixed policy.
 *
 * <p>Labeling and reviewing are one interface because one person does both in solo mode: the
 * phases hold one {@code Annotator} and every screen of the terminal shares one session.
 *
 * <p>Every method is called only after everything answered before is saved, and may block for as
 * long as the person takes. None returns null.
 */
public interface Annotator {

    /**
     * Shows the item and returns the answer: a label from the request's scheme, skip, undo or
     * quit. A blind request must be shown without anything of the model.
     *
     * @throws dev.solo.SoloInputException if an oracle has no gold label for the item
     */
    Answer ask(LabelRequest request);

    /**
     * Shows the proposed guideline edits and returns a decision on each (approve, edit with new
     * text, reject), plus any guideline text the person added. When the person stops before
     * deciding everything the result is {@code stopped}.
     */
    GuidelineDecisions review(GuidelineEditsRequest request);

    /**
     * Shows the proposed labeling functions with their precision and coverage and returns the
     * ones to keep enabled, plus any rules the person typed (each with a label of the scheme).
     */
    LabelingFunctionChoice choose(LabelingFunctionsRequest request);

    /** The name recorded with each label and decision (e.g. "oracle", or the person's user name). */
    String name();

    /**
     * Whether this annotator can label a text that is not in the data, such as an edge case a
     * remote model wrote. A person can; an oracle answering from a gold file cannot.
     */
    default boolean labelsNewText() {
        return true;
    }

    /** Shows a notice that is not a question (a phase change, a batch result). */
    default void announce(String message) {
    }
}
