package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.workflow.Phase;

/** Where the workflow goes after a phase ends, as the spec lays it out. */
final class Transitions {
    private Transitions() {
    }

    /**
     * The phase after {@code phase} ended with {@code outcome}: active labeling jumps to
     * confidence escalation at the accuracy threshold; a failed final validation goes back to
     * {@code fallback_phase}; the refinement loop may stay for another round; everything else moves
     * on by one.
     */
    static Phase next(Phase phase, Outcome outcome, SoloConfig config) {
        return switch (outcome) {
            case THRESHOLD_REACHED -> Phase.CONFIDENCE_ESCALATION;
            case ANOTHER_ROUND -> phase;
            case VALIDATION_FAILED -> Phase.numbered(config.solo().phases().finalValidation().fallbackPhase());
            case DONE -> phase.next();
            default -> throw new IllegalArgumentException(outcome + " does not move the workflow");
        };
    }

    /**
     * True if going from {@code from} to {@code to} starts a new round: the workflow looped back, or
     * it enters the refinement loop, whose every iteration is a round of its own (with its own
     * confusion analysis and guideline review).
     */
    static boolean startsNewRound(Phase from, Phase to) {
        return to.number() <= from.number() || to == Phase.REFINEMENT_LOOP;
    }
}
