package dev.solo.phases;

import dev.solo.workflow.WorkflowState;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The facts of one run of one phase: where the workflow stands, the task's random seed, and how
 * the runner reports that a new batch started (the workflow records it, so status and the phase
 * log agree). Everything else a runner uses is given to its constructor.
 */
public record PhaseContext(WorkflowState state, long randomSeed, IntConsumer batchStarted) {

    /**
     * A random source for one step of one round, derived from the task's seed alone: a resumed
     * run draws exactly what an uninterrupted run would have drawn.
     */
    public Random randomFor(String step) {
        long mixed = randomSeed * 0x9E3779B97F4A7C15L + step.hashCode() * 31L + state.round();
        return new Random(mixed);
    }

    public int round() {
        return state.round();
    }

    /** Records that batch {@code batch} (1-based) of this phase is under way. */
    public void startBatch(int batch) {
        batchStarted.accept(batch);
    }
}
