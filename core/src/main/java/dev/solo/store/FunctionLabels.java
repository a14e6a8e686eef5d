package dev.solo.store;

import dev.solo.label.FunctionLabel;
import java.util.List;
import java.util.function.Consumer;

/** The labeling functions' combined vote per item, kept apart from the labeler's predictions. */
public interface FunctionLabels {

    /** Replaces every stored vote with these, in one transaction (the enabled functions changed). */
    void replaceAll(List<FunctionLabel> labels);

    /** Streams every stored vote for the scheme. */
    void forEach(String schemaName, Consumer<FunctionLabel> consumer);

    long count();
}
