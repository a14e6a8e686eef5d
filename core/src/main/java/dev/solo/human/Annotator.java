package dev.solo.human;

/**
 * The person who knows the labels. Implementations: the terminal, where a person answers with
 * keys, and the oracle, which answers from a gold-label file.
 */
public interface Annotator {

    /**
     * Shows the item and returns the answer. Called only after everything answered before is
     * saved. May block for as long as the person takes.
     */
    Answer ask(LabelRequest request);

    /** The name recorded with each label (e.g. "oracle", or the person's user name). */
    String name();

    /** Shows a notice that is not a question (a phase change, a batch result). */
    default void announce(String message) {
    }
}
