package dev.solo.labeler;

import java.util.List;

/** A labeler that has learned from human labels. */
public interface LabelingModel {

    /** One prediction per item, in order. */
    List<Prediction> predict(List<String> itemIds);
}
