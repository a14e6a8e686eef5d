package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
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

    /** A phase the config turns off is passed over whether or not it is built. */
    @Override
    public boolean enabledBy(SoloConfig config) {
        PhasesConfig phases = config.solo().phases();
        return switch (phase) {
            case EDGE_CASE_SYNTHESIS -> phases.edgeCaseSynthesis().enabled();
            case PROMPT_OPTIMIZATION -> phases.promptOptimization().enabled();
            default -> true;
        };
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        return new PhaseResult(Outcome.NOT_BUILT, "phase " + phase.label() + " is not built in this version of solo");
    }
}
