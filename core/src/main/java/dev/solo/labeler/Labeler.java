package dev.solo.labeler;

import dev.solo.human.HumanExample;
import java.util.List;

/**
 * A machine labeler: learns from the person's labels (a trained classifier, or few-shot examples
 * for a language model) and then labels items. Every endpoint type implements this one interface.
 */
public interface Labeler {

    /** Recorded with every label it gives, e.g. {@code local:all-MiniLM-L6-v2}. */
    String name();

    /** A model of these human labels; the same examples in the same order give the same model. */
    LabelingModel train(List<HumanExample> examples);

    /**
     * True when labeling every item again after each batch costs little (a local model); a remote
     * model's calls cost money and time, so it labels each item once and what a batch needs.
     */
    default boolean relabelsCheaply() {
        return true;
    }

    /**
     * Does ahead of time the one-off work that labeling every item needs (the local labeler's
     * search for each item's neighbours, minutes at a million items), so that it is not done at a
     * moment when the person waits for a retraining. Nothing for a labeler that has no such work.
     */
    default void prepareToLabelEveryItem() {
    }
}
