package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.human.Annotator;
import dev.solo.metrics.AccuracyRecord;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Phase 7, the refinement loop, one round per iteration: the model relabels the dataset with the
 * current guidelines, functions and every human label; accuracy is estimated again, on the random
 * labels held out from the model that now labels (cross-fitted); the round's confusion analysis is
 * made; guideline edits are proposed for the person to decide, and labeling functions are mined
 * again from the grown labels (only new ones are audited). It goes round again while the
 * guidelines changed and the last round improved the estimate by at least
 * {@code improvement_threshold}, at most {@code max_iterations} times.
 */
public final class RefinementLoopPhase implements PhaseRunner {
    private final SoloConfig config;
    private final Store store;
    private final ModelRefresh refresh;
    private final AccuracyCheck accuracy;
    private final ConfusionStep confusion;
    private final GuidelineReviewStep guidelines;
    private final FunctionRound functions;
    private final Consumer<String> announcer;

    public RefinementLoopPhase(SoloConfig config, Store store, Models models, HumanLabelingLoop labeling,
                               Optional<Annotator> person, Clock clock, Consumer<String> announcer) {
        this.config = config;
        this.store = store;
        this.refresh = new ModelRefresh(config, store, models, clock);
        this.accuracy = new AccuracyCheck(config, store, clock);
        this.confusion = new ConfusionStep(config, store.humans(), store.measurements(), models, clock);
        this.guidelines = new GuidelineReviewStep(config, store, models, person, clock);
        this.functions = new FunctionRound(config, store, models, labeling, person, clock, announcer);
        this.announcer = announcer;
    }

    @Override
    public Phase phase() {
        return Phase.REFINEMENT_LOOP;
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        PhasesConfig.RefinementLoop settings = config.solo().phases().refinementLoop();
        int round = context.round();
        int iteration = iteration(round);
        Optional<AccuracyRecord> before = store.accuracy().all().stream()
                .filter(record -> record.round() < round || record.phase() != phase()).reduce((a, b) -> b);
        int versionBefore = store.setups().current().version();

        announcer.accept("Refinement round " + iteration + ": labeling every item again with the current guidelines.");
        refresh.retrain(phase(), round, Set.of());
        AccuracyCheck.Reading reading = accuracy.record(accuracy.readCurrent(new AccuracyCheck.Look(phase(), round, 0),
                refresh.labeler(), context.randomFor("refinement-folds")));
        String analysis = confusion.analyse(phase(), round, context.randomFor("confusion-folds"));
        PhaseResult review = guidelines.run(phase(), round);
        if (review.outcome() != Outcome.DONE) {
            return review;
        }
        String mined = "";
        if (settingsOfFunctions().enabled()) {
            PhaseResult functionRound = functions.run(phase(), context, true);
            if (functionRound.outcome() != Outcome.DONE) {
                return functionRound;
            }
            mined = "; labeling functions: " + functionRound.summary();
        }

        double improvement = improvement(before, reading);
        String summary = String.format(Locale.ROOT, "round %d of at most %d: %s; %s; %s%s", iteration,
                settings.maxIterations(), reading.describe(), analysis, review.summary(), mined);
        if (iteration >= settings.maxIterations()) {
            return new PhaseResult(Outcome.DONE, summary + "; max_iterations reached");
        }
        if (store.setups().current().version() == versionBefore) {
            return new PhaseResult(Outcome.DONE, summary + "; the guidelines did not change, nothing to relabel with");
        }
        if (iteration > 1 && improvement < settings.improvementThreshold()) {
            return new PhaseResult(Outcome.DONE, summary + String.format(Locale.ROOT,
                    "; improved by %.3f, below improvement_threshold %.2f", improvement, settings.improvementThreshold()));
        }
        return new PhaseResult(Outcome.ANOTHER_ROUND, summary);
    }

    private PhasesConfig.LabelingFunctions settingsOfFunctions() {
        return config.solo().phases().labelingFunctions();
    }

    /** Entering the loop starts a round: 1 in the round after active labeling's, then one more per round. */
    private int iteration(int round) {
        int handedOver = store.accuracy().all().stream()
                .filter(record -> record.phase() != phase() && record.round() < round)
                .mapToInt(AccuracyRecord::round).max().orElse(round - 1);
        return round - handedOver;
    }

    private static double improvement(Optional<AccuracyRecord> before, AccuracyCheck.Reading now) {
        if (before.isEmpty() || now.report().isEmpty()) {
            return 0;
        }
        return now.report().get().dataset().value() - before.get().report().dataset().value();
    }
}
