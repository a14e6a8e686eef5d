package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.select.DiversitySeedSelector;
import dev.solo.select.RandomSeedSelector;
import dev.solo.select.SeedSelector;
import dev.solo.select.StratifiedSeedSelector;
import dev.solo.store.QueueEntry;
import dev.solo.store.Store;
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

    @Override
    public Phase phase() {
        return Phase.SEED_ANNOTATION;
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        Store store = context.store();
        int round = context.state().round();
        int seedSize = context.config().solo().seedSize();
        List<QueueEntry> queue = store.queue(phase(), round);
        if (queue.isEmpty()) {
            PhasesConfig.Seed seed = context.config().solo().phases().seed();
            queue = selector(seed.selection(), context).select(store.selectableItems(seed.stratifyBy()),
                    seedSize * (1 + SPARE_FACTOR), context.randomFor("seed-selection"));
            store.saveQueue(phase(), round, queue);
        }
        int target = Math.min(seedSize, queue.size());
        Outcome outcome = new HumanLabelingLoop(context)
                .run(new HumanLabelingLoop.Assignment(phase(), round, 0, 0, target, queue));
        int labeled = store.humanLabelCount(phase(), round);
        return new PhaseResult(outcome, labeled + " of " + target + " seed items labeled");
    }

    private static SeedSelector selector(PhasesConfig.Selection selection, PhaseContext context) {
        return switch (selection) {
            case RANDOM -> new RandomSeedSelector();
            case STRATIFIED -> new StratifiedSeedSelector();
            case DIVERSITY -> {
                Models models = context.models();
                yield new DiversitySeedSelector(ids -> models.vectors(models.seedEmbeddingModel(), ids),
                        context.config().solo().seedSize());
            }
        };
    }
}
