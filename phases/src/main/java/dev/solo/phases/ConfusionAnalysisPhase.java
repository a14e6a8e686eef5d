package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.store.HumanAnswers;
import dev.solo.store.Measurements;
import dev.solo.workflow.Phase;
import java.time.Clock;

/**
 * Phase 3, confusion analysis: the model against every human label so far, each predicted by a
 * model that did not learn it (see {@link ConfusionStep}, which each round of the refinement loop
 * runs again).
 */
public final class ConfusionAnalysisPhase implements PhaseRunner {
    private final ConfusionStep confusion;

    public ConfusionAnalysisPhase(SoloConfig config, HumanAnswers answers, Measurements measurements, Models models,
                                  Clock clock) {
        this.confusion = new ConfusionStep(config, answers, measurements, models, clock);
    }

    @Override
    public Phase phase() {
        return Phase.CONFUSION_ANALYSIS;
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        return new PhaseResult(Outcome.DONE,
                confusion.analyse(phase(), context.round(), context.randomFor("confusion-folds")));
    }
}
