package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.human.Annotator;
import dev.solo.labeler.llm.DryRunMeter;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import dev.solo.workflow.WorkflowState.Status;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The persisted state machine of the twelve phases. Runs the current phase's runner, records
 * where it ended, and moves on until a person is needed, the person quits, a phase that is not
 * built is reached, or the dataset is complete. Runners never call each other.
 */
public final class Workflow {
    private final Map<Phase, PhaseRunner> runners = new EnumMap<>(Phase.class);
    private final SoloConfig config;
    private final Store store;
    private final Optional<Annotator> annotator;
    private final long randomSeed;
    private final Clock clock;
    private final Consumer<String> announcer;
    private DryRunMeter dryRun;

    public Workflow(SoloConfig config, Store store, Optional<Annotator> annotator, long randomSeed, Clock clock,
                    Consumer<String> announcer) {
        this(List.of(new SeedAnnotationPhase(), new InitialCalibrationPhase(), new ConfusionAnalysisPhase()), config, store, annotator, randomSeed, clock, announcer);
    }

    Workflow(List<PhaseRunner> built, SoloConfig config, Store store, Optional<Annotator> annotator, long randomSeed,
             Clock clock, Consumer<String> announcer) {
        for (Phase phase : Phase.values()) {
            runners.put(phase, new NotBuiltPhase(phase));
        }
        built.forEach(runner -> runners.put(runner.phase(), runner));
        this.config = config;
        this.store = store;
        this.annotator = annotator;
        this.randomSeed = randomSeed;
        this.clock = clock;
        this.announcer = announcer;
    }

    /** Remote labelers count their requests instead of sending them (for a dry run on a copy of the task). */
    public Workflow meteringOnly(DryRunMeter meter) {
        this.dryRun = meter;
        return this;
    }

    /** Runs until the workflow must stop; returns the state it stopped in. */
    public WorkflowState run() {
        return run(finished -> false);
    }

    /** Like {@link #run()}, but also stops once a phase for which {@code stopAfter} holds has finished. */
    public WorkflowState run(Predicate<Phase> stopAfter) {
        WorkflowState state = store.workflowState();
        if (state.status() == Status.COMPLETE) {
            return state;
        }
        if (state.status() != Status.IN_PROGRESS) {
            state = state.withStatus(Status.IN_PROGRESS, "");
            store.saveWorkflowState(state, "resumed");
        }
        while (true) {
            PhaseRunner runner = runners.get(state.phase());
            if (!runner.enabledBy(config)) {
                announcer.accept("Phase " + state.phase().label() + " is turned off in the config; passing over it.");
                state = moveOn(state, Outcome.DONE, "turned off in the config");
                continue;
            }
            PhaseResult result = runner.run(new PhaseContext(config, store, annotator, randomSeed, state, clock, announcer,
                    Optional.ofNullable(dryRun)));
            switch (result.outcome()) {
                case NEEDS_HUMAN -> {
                    return stop(state, Status.WAITING_FOR_HUMAN, result.summary() + "; waiting for a person");
                }
                case QUIT -> {
                    return stop(state, Status.IN_PROGRESS, result.summary() + "; stopped by the person");
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

    private WorkflowState moveOn(WorkflowState state, Outcome outcome, String reason) {
        Phase next = Transitions.next(state.phase(), outcome, config);
        int round = Transitions.startsNewRound(state.phase(), next) ? state.round() + 1 : state.round();
        WorkflowState moved = new WorkflowState(next, round, 0, Status.IN_PROGRESS, "");
        store.saveWorkflowState(moved, state.phase().label() + " -> " + next.label() + ": " + reason);
        announcer.accept("Next: phase " + next.label() + ".");
        return moved;
    }

    private WorkflowState stop(WorkflowState state, Status status, String note) {
        WorkflowState stopped = state.withStatus(status, note);
        store.saveWorkflowState(stopped, note);
        return stopped;
    }
}
