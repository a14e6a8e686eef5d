package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.human.Annotator;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.util.Optional;

/**
 * Phase 4, guideline refinement: from the latest confusion analysis the advisor proposes edits
 * with their evidence and the person decides (see {@link GuidelineReviewStep}, which each round of
 * the refinement loop holds again).
 */
public final class GuidelineRefinementPhase implements PhaseRunner {
    private final GuidelineReviewStep review;

    public GuidelineRefinementPhase(SoloConfig config, Store store, Models models, Optional<Annotator> person,
                                    Clock clock) {
        this.review = new GuidelineReviewStep(config, store, models, person, clock);
    }

    @Override
    public Phase phase() {
        return Phase.GUIDELINE_REFINEMENT;
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        return review.run(phase(), context.round());
    }
}
