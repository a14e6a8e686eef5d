package dev.solo.workflow;

import java.util.Objects;

/**
 * Where the workflow stands: the phase, the round (incremented each time the workflow loops back),
 * the batch within the phase, and why it is stopped, if it is.
 */
public record WorkflowState(Phase phase, int round, int batch, Status status, String note) {
    public static final WorkflowState START = new WorkflowState(Phase.SEED_ANNOTATION, 1, 0, Status.IN_PROGRESS, "");

    public WorkflowState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(status, "status");
        note = Objects.requireNonNullElse(note, "");
    }

    public WorkflowState withStatus(Status newStatus, String newNote) {
        return new WorkflowState(phase, round, batch, newStatus, newNote);
    }

    public enum Status {
        /** Work remains in this phase and can go on when started. */
        IN_PROGRESS,
        /** The phase needs a human answer; a non-interactive run stopped here. */
        WAITING_FOR_HUMAN,
        /** The phase is not built in this version of solo; the workflow cannot go further. */
        NOT_BUILT,
        /** Final validation passed: every item is labeled. */
        COMPLETE
    }
}
