package dev.solo.store;

import dev.solo.label.FunctionLabel;
import java.util.List;

/** The labeling functions' combined vote per item, kept apart from the labeler's predictions. */
public interface FunctionLabels {

    /** Replaces every stored vote with these, in one transaction (the enabled functions changed). */
    void replaceAll(List<FunctionLabel> labels);

    long count();
}
