package dev.solo.store;

import dev.solo.select.QueueEntry;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.util.List;
import java.util.Optional;

/** Where the workflow stands, how it got there, and the items queued for the person. */
public interface WorkflowLog {

    /** The seed every random choice of this task derives from; empty before the first start. */
    Optional<Long> randomSeed();

    void saveRandomSeed(long seed);

    WorkflowState state();

    /** Saves the state; a change of phase or round is also appended to the phase log. */
    void save(WorkflowState state, String reason);

    /** The items queued for a phase, round and batch (0 where the phase has no batches), in order. */
    List<QueueEntry> queue(Phase phase, int round, int batch);

    void saveQueue(Phase phase, int round, int batch, List<QueueEntry> entries);

    /** Records a warning under {@code key} unless one was recorded already; true when it is new. */
    boolean warnOnce(String key, String text);

    /** Every warning recorded, oldest first. */
    List<String> warnings();
}
