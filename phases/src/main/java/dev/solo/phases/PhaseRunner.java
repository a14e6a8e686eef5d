package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.workflow.Phase;

/** Runs one phase of the workflow, from wherever it stopped, and says how it ended. */
public interface PhaseRunner {

    Phase phase();

    /** Runs the phase; may be called again after a stop and must then resume, not restart. */
    PhaseResult run(PhaseContext context);

    /** False when the config turns this phase off; the workflow then passes over it and says so. */
    default boolean enabledBy(SoloConfig config) {
        return true;
    }
}
