package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.metrics.AccuracyReport;
import dev.solo.metrics.BatchResult;
import dev.solo.select.Disagreement;
import dev.solo.select.DisagreementRanking;
import dev.solo.select.QueueEntry;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Phase 8, disagreement exploration: the items on which the model, the labeling functions' vote
 * and the nearest human-labeled items disagree, ordered by {@code sort_by}, at most
 * {@code max_instances}, chosen once from the model as it stands when the phase starts. The
 * person labels them in batches of active labeling's {@code batch_size}, each shown with the
 * model's label and confidence, every function's vote, the nearest labeled items and the model's
 * reasoning. After each batch the dataset's accuracy is estimated again; once its lower bound
 * reaches the target (or already at the start) the rest is left and the workflow jumps to
 * confidence escalation.
 */
public final class DisagreementExplorationPhase implements PhaseRunner {
    static final String POOL = "disagreement";

    private final SoloConfig config;
    private final Store store;
    private final HumanLabelingLoop labeling;
    private final ModelRefresh refresh;
    private final AccuracyCheck accuracy;
    private final DisagreementSources sources;
    private final DisagreementEvidence evidence;
    private final Clock clock;
    private final Consumer<String> announcer;

    public DisagreementExplorationPhase(SoloConfig config, Store store, Models models, HumanLabelingLoop labeling,
                                        Clock clock, Consumer<String> announcer) {
        this.config = config;
        this.store = store;
        this.labeling = labeling;
        this.refresh = new ModelRefresh(config, store, models, clock);
        this.accuracy = new AccuracyCheck(config, store, clock);
        this.sources = new DisagreementSources(config, store);
        this.evidence = new DisagreementEvidence(config, store, sources);
        this.clock = clock;
        this.announcer = announcer;
    }

    @Override
    public Phase phase() {
        return Phase.DISAGREEMENT_EXPLORATION;
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        int round = context.round();
        if (store.workflow().queue(phase(), round, 1).isEmpty()) {
            refresh.retrain(phase(), round, Set.of());
            // Recorded whatever it says: every look a stop may be decided on counts (StoppingBound).
            AccuracyCheck.Reading before = accuracy.record(accuracy.readLatest(new AccuracyCheck.Look(phase(), round, 0),
                    refresh.labeler(), context.randomFor("disagreement-folds-0")));
            if (before.reached()) {
                return new PhaseResult(Outcome.THRESHOLD_REACHED, "nothing to explore: " + before.describe());
            }
            int chosen = choose(context);
            if (chosen == 0) {
                return new PhaseResult(Outcome.DONE, "no item on which the model, the labeling functions and the "
                        + "nearest labeled items disagree; " + before.describe());
            }
        }
        int batches = RoundQueues.batchCount(store.workflow(), phase(), round);
        for (int batch = Math.max(1, context.state().batch()); batch <= batches; batch++) {
            context.startBatch(batch);
            List<QueueEntry> queue = store.workflow().queue(phase(), round, batch);
            Outcome outcome = labeling.run(new HumanLabelingLoop.Assignment(phase(), round, batch, batches,
                    queue.size(), queue, false, evidence.of(queue, refresh.vectors())));
            if (outcome != Outcome.DONE) {
                return new PhaseResult(outcome, "batch " + batch + " of disagreement exploration");
            }
            if (finishBatch(context, batch, queue).reached() && batch < batches) {
                break;
            }
        }
        refresh.retrain(phase(), round, Set.of());
        AccuracyCheck.Reading reading = accuracy.record(accuracy.readLatest(new AccuracyCheck.Look(phase(), round, 0),
                refresh.labeler(), context.randomFor("disagreement-folds-end")));
        return new PhaseResult(reading.reached() ? Outcome.THRESHOLD_REACHED : Outcome.DONE,
                summary(round, batches) + "; " + reading.describe());
    }

    /** Queues the disagreements in batches; returns how many there are. */
    private int choose(PhaseContext context) {
        PhasesConfig.DisagreementExploration settings = config.solo().phases().disagreementExploration();
        int neighbours = Math.max(1, settings.showNearestNeighbors());
        List<Disagreement> ranked = DisagreementRanking.rank(
                sources.read(refresh.vectors(), neighbours, context.randomFor("disagreement-sample")),
                settings.sortBy(), settings.maxInstances(), context.randomFor("disagreement-order"));
        int size = config.solo().phases().activeLabeling().batchSize();
        for (int from = 0, batch = 1; from < ranked.size(); from += size, batch++) {
            List<QueueEntry> queue = new ArrayList<>();
            for (Disagreement item : ranked.subList(from, Math.min(ranked.size(), from + size))) {
                queue.add(new QueueEntry(item.itemId(), POOL, item.describe()).withMachineLabel(item.modelLabel(),
                        item.confidence()));
            }
            store.workflow().saveQueue(phase(), context.round(), batch, queue);
        }
        announcer.accept(String.format("%d items on which the model, the labeling functions and the nearest labeled "
                + "items disagree, sorted by %s.", ranked.size(), settings.sortBy().name().toLowerCase()));
        return ranked.size();
    }

    /**
     * Records the batch and estimates again: once the estimate's lower bound reaches the target the
     * rest of the disagreements are left (the workflow goes on to escalation).
     */
    private AccuracyCheck.Reading finishBatch(PhaseContext context, int batch, List<QueueEntry> queue) {
        int round = context.round();
        Map<String, String> human = sources.humanLabels();
        List<QueueEntry> labeled = queue.stream().filter(entry -> human.containsKey(entry.itemId())).toList();
        int agreed = (int) labeled.stream().filter(entry -> human.get(entry.itemId()).equals(entry.machineLabel())).count();
        AccuracyCheck.Reading reading = accuracy.record(accuracy.readLatest(new AccuracyCheck.Look(phase(), round,
                batch), refresh.labeler(), context.randomFor("disagreement-folds-" + batch)));
        store.measurements().saveBatchResult(new BatchResult(phase(), round, batch, labeled.size(), agreed,
                reading.report().map(AccuracyReport::dataset), Instant.ofEpochMilli(clock.millis())));
        announcer.accept(String.format("Batch %d: %d disagreements labeled · the model was right on %d/%d · %s", batch,
                labeled.size(), agreed, labeled.size(), reading.describe()));
        return reading;
    }

    private String summary(int round, int batches) {
        int asked = 0;
        int agreed = 0;
        for (BatchResult result : store.measurements().batchResults(phase())) {
            if (result.round() == round && result.batch() <= batches) {
                asked += result.asked();
                agreed += result.agreed();
            }
        }
        return String.format("%d disagreements labeled; the model was right on %d of them", asked, agreed);
    }
}
