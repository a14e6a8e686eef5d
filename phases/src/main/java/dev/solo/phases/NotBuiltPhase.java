package dev.solo.phases;

import dev.solo.workflow.Phase;

/** Stands for a phase this version of solo does not have yet: the workflow stops there and says so. */
final class NotBuiltPhase implements PhaseRunner {
    private final Phase phase;

    NotBuiltPhase(Phase phase) {
        this.phase = phase;
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        return new PhaseResult(Outcome.NOT_BUILT, "phase " + phase.label() + " is not built in this version of solo");
    }
}
