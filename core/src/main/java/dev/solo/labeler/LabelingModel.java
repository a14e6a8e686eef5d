package dev.solo.labeler;

import java.util.List;

/** A labeler that has learned from human labels. */
public interface LabelingModel {

    /** One prediction per item, in order. */
    List<Prediction> predict(List<String> itemIds);

    /**
     * What this model is and what it chose while learning, for logs and status, e.g.
     * {@code local:e5-small-v2 (C=10, temperature 1.31, +neighbour smoothing α=0.25 …)}. Unlike the
     * labeler's name it may differ from one training to the next, so it is never compared. Empty
     * when the labeler has nothing to add to its name; never null.
     */
    default String description() {
        return "";
    }
}
