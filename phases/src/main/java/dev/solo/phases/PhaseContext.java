package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.human.Annotator;
import dev.solo.labeler.llm.DryRunMeter;
import dev.solo.store.Store;
import dev.solo.workflow.WorkflowState;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * What a phase runner works with. {@code annotator} is empty in a non-interactive run: a runner
 * that needs a person then returns {@link Outcome#NEEDS_HUMAN}. {@code announcer} shows the
 * person what automatic work is doing. With {@code dryRun}, remote labelers count their requests
 * instead of sending them.
 */
public record PhaseContext(SoloConfig config, Store store, Optional<Annotator> annotator, long randomSeed,
                           WorkflowState state, Clock clock, Consumer<String> announcer,
                           Optional<DryRunMeter> dryRun) {

    /**
     * A random source for one step of one round, derived from the task's seed alone: a resumed
     * run draws exactly what an uninterrupted run would have drawn.
     */
    public Random randomFor(String step) {
        long mixed = randomSeed * 0x9E3779B97F4A7C15L + step.hashCode() * 31L + state.round();
        return new Random(mixed);
    }

    public void announce(String message) {
        announcer.accept(message);
    }

    /** The embedding models and the labeler the config asks for. */
    public Models models() {
        return new Models(this);
    }
}
