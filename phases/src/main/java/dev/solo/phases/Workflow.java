package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.store.WorkflowLog;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import dev.solo.workflow.WorkflowState.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The persisted state machine of the twelve phases. Runs the current phase's runner, records
 * where it ended, and moves on until a person is needed, the person quits, a phase that is not
 * built is reached, or the dataset is complete. Runners never call each other.
 */
public final class Workflow {
    private final Map<Phase, PhaseRunner> runners = new EnumMap<>(Phase.class);
    private final WorkflowLog log;
    private final SoloConfig config;
    private final long randomSeed;
    private final Consumer<String> announcer;

    /** {@code built}: the runners of the phases this version has; the others stop the workflow and say so. */
    public Workflow(List<PhaseRunner> built, WorkflowLog log, SoloConfig config, long randomSeed,
                    Consumer<String> announcer) {
        for (Phase phase : Phase.values()) {
            runners.put(phase, new NotBuiltPhase(phase));
        }
        built.forEach(runner -> runners.put(runner.phase(), runner));
        this.log = log;
        this.config = config;
        this.randomSeed = randomSeed;
        this.announcer = announcer;
    }

    /** Runs until the workflow must stop; returns the state it stopped in. */
    public WorkflowState run() {
        return run(finished -> false);
    }

    /** Like {@link #run()}, but also stops once a phase for which {@code stopAfter} holds has finished. */
    public WorkflowState run(Predicate<Phase> stopAfter) {
        WorkflowState state = log.state();
        if (state.status() == Status.COMPLETE) {
            return state;
        }
        if (state.status() != Status.IN_PROGRESS) {
            state = state.withStatus(Status.IN_PROGRESS, "");
            log.save(state, "resumed");
        }
        while (true) {
            PhaseRunner runner = runners.get(state.phase());
            if (!runner.enabledBy(config)) {
                announcer.accept("Phase " + state.phase().label() + " is turned off in the config; passing over it.");
                state = moveOn(state, Outcome.DONE, "turned off in the config");
                continue;
            }
            WorkflowState running = state;
            PhaseResult result = runner.run(new PhaseContext(state, randomSeed, batch -> recordBatch(running, batch)));
            // The runner may have recorded batches: the log holds the batch it reached.
            state = log.state();
            switch (result.outcome()) {
                case NEEDS_HUMAN -> {
                    return stop(state, Status.WAITING_FOR_HUMAN, result.summary() + "; waiting for a person");
                }
                case QUIT -> {
                    return stop(state, Status.IN_PROGRESS, result.summary() + "; stopped by the person");
                }
                case NEEDS_DECISION -> {
                    announcer.accept("Phase " + state.phase().label() + ": " + result.summary() + ".");
                    return stop(state, Status.IN_PROGRESS, "waiting for your decision");
                }
                case NOT_BUILT -> {
                    return stop(state, Status.NOT_BUILT, result.summary());
                }
                case PASSED -> {
                    announcer.accept("Phase " + state.phase().label() + " passed: " + result.summary());
                    return stop(state, Status.COMPLETE, result.summary());
                }
                default -> {
                    announcer.accept("Phase " + state.phase().label() + " finished: " + result.summary() + ".");
                    Phase finished = state.phase();
                    state = moveOn(state, result.outcome(), result.summary());
                    if (stopAfter.test(finished)) {
                        return state;
                    }
                }
            }
        }
    }

    private void recordBatch(WorkflowState state, int batch) {
        log.save(new WorkflowState(state.phase(), state.round(), batch, Status.IN_PROGRESS, ""),
                "batch " + batch + " of phase " + state.phase().label());
    }

    private WorkflowState moveOn(WorkflowState state, Outcome outcome, String reason) {
        Phase next = Transitions.next(state.phase(), outcome, config);
        int round = Transitions.startsNewRound(state.phase(), next) ? state.round() + 1 : state.round();
        WorkflowState moved = new WorkflowState(next, round, 0, Status.IN_PROGRESS, "");
        log.save(moved, state.phase().label() + " -> " + next.label() + ": " + reason);
        announcer.accept("Next: phase " + next.label() + ".");
        return moved;
    }

    private WorkflowState stop(WorkflowState state, Status status, String note) {
        WorkflowState stopped = state.withStatus(status, note);
        log.save(stopped, note);
        return stopped;
    }
}
