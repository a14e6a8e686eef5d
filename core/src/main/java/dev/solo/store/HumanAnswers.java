package dev.solo.store;

import dev.solo.human.HumanExample;
import dev.solo.human.HumanLabel;
import dev.solo.workflow.Phase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What people answered, as append-only events: labels, skips and retractions (an undo writes a
 * retraction; nothing is deleted). A label "in force" is one not retracted; an item's latest one
 * is its human label.
 */
public interface HumanAnswers {

    /** Commits the label before returning. */
    void saveLabel(HumanLabel label);

    /** Records that the person skipped the item in this phase and round. */
    void saveSkip(String itemId, String schemaName, Phase phase, int round, String annotator);

    /** Retracts the latest label or skip of this phase and round still in force; returns its item, or empty. */
    Optional<String> undoLatest(Phase phase, int round);

    /** Items labeled or skipped in this phase and round (retracted answers excluded). */
    Set<String> answeredItems(Phase phase, int round);

    /** Items labeled in this phase and round (retracted labels excluded). */
    Set<String> labeledItems(Phase phase, int round);

    /** Labels in force given in this phase and round. */
    int labelCount(Phase phase, int round);

    /** Items with a human label in force, over the whole task. */
    long labeledItemCount();

    /** Labels in force per phase, over the whole task. */
    Map<Phase, Long> labelsByPhase();

    /** Total time people spent answering, in milliseconds. */
    long answerMillis();

    /** Every item's human label in force for the scheme, in the order they were given. */
    List<HumanExample> examples(String schemaName);

    /** The labels in force for the scheme on items a given pool chose (e.g. "random"), in the order given. */
    List<HumanExample> examplesFromPool(String schemaName, String pool);
}
