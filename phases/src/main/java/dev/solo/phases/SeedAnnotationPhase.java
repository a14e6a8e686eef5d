package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloModeConfig;
import dev.solo.select.DiversitySeedSelector;
import dev.solo.select.QueueEntry;
import dev.solo.select.RandomSeedSelector;
import dev.solo.select.SeedSelector;
import dev.solo.select.StratifiedSeedSelector;
import dev.solo.store.HumanAnswers;
import dev.solo.store.Items;
import dev.solo.store.WorkflowLog;
import dev.solo.workflow.Phase;
import java.util.List;

/**
 * Phase 1, seed annotation: {@code seed.count} items chosen by {@code selection} (diversity,
 * random or stratified), labeled by the person. The chosen items are stored once, so a resumed run
 * asks about the same items in the same order.
 */
public final class SeedAnnotationPhase implements PhaseRunner {
    /** Spare items queued after the seed set, to stand in for skipped ones. */
    static final int SPARE_FACTOR = 2;

    private final SoloModeConfig settings;
    private final Items items;
    private final WorkflowLog workflow;
    private final HumanAnswers answers;
    private final Models models;
    private final HumanLabelingLoop person;

    public SeedAnnotationPhase(SoloModeConfig settings, Items items, WorkflowLog workflow, HumanAnswers answers,
                               Models models, HumanLabelingLoop person) {
        this.settings = settings;
        this.items = items;
        this.workflow = workflow;
        this.answers = answers;
        this.models = models;
        this.person = person;
    }

    @Override
    public Phase phase() {
        return Phase.SEED_ANNOTATION;
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        int round = context.round();
        int seedSize = settings.seedSize();
        List<QueueEntry> queue = workflow.queue(phase(), round, 0);
        if (queue.isEmpty()) {
            PhasesConfig.Seed seed = settings.phases().seed();
            queue = selector(seed.selection()).select(items.selectable(seed.stratifyBy()),
                    seedSize * (1 + SPARE_FACTOR), context.randomFor("seed-selection"));
            workflow.saveQueue(phase(), round, 0, queue);
        }
        // The rest of the data is embedded while the person labels the seeds; a run without a person
        // stops at once and would only wait for the embedding to stop.
        if (person.hasPerson()) {
            models.embedInBackground();
        }
        int target = Math.min(seedSize, queue.size());
        Outcome outcome = person.run(new HumanLabelingLoop.Assignment(phase(), round, 0, 0, target, queue));
        int labeled = answers.labelCount(phase(), round);
        return new PhaseResult(outcome, labeled + " of " + target + " seed items labeled");
    }

    private SeedSelector selector(PhasesConfig.Selection selection) {
        return switch (selection) {
            case RANDOM -> new RandomSeedSelector();
            case STRATIFIED -> new StratifiedSeedSelector();
            case DIVERSITY -> new DiversitySeedSelector(models::seedVectors, settings.seedSize());
        };
    }
}
