package dev.solo.phases;

/** How a phase runner finished; the workflow maps it to the next phase. */
public enum Outcome {
    /** The phase did its work; go on to the next phase. */
    DONE,
    /** The refinement loop goes round once more: the same phase, in a new round. */
    ANOTHER_ROUND,
    /** Active labeling reached the accuracy threshold: jump to confidence escalation. */
    THRESHOLD_REACHED,
    /** Final validation failed: go back to the fallback phase. */
    VALIDATION_FAILED,
    /** Final validation passed: the dataset is complete. */
    PASSED,
    /** The workflow cannot go on by itself: the person must choose (the summary says between what). */
    NEEDS_DECISION,
    /** The phase needs a person and none is at hand (non-interactive run). */
    NEEDS_HUMAN,
    /** The person chose to stop; everything is saved. */
    QUIT,
    /** This phase is not built in this version of solo. */
    NOT_BUILT
}
