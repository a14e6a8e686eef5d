package dev.solo.store;

import dev.solo.human.LabelPair;
import dev.solo.human.SecondLabel;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A second annotator's labels on a sample of the human-labeled items, apart from the labels in force. */
public interface Verifications {

    /** Saves the answer, replacing the same annotator's earlier answer on the item; committed on return. */
    void save(SecondLabel label);

    /** Takes back the annotator's latest answer; returns its item. */
    Optional<String> undoLatest(String annotator);

    /** The items the annotator answered (labels and skips). */
    Set<String> answeredBy(String annotator);

    /** Every item the annotator labeled that also has a label in force, in the order they were answered. */
    List<LabelPair> pairs(String schemaName, String annotator);
}
