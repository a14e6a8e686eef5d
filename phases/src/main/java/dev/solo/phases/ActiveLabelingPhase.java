package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.human.HumanExample;
import dev.solo.metrics.AccuracyRecord;
import dev.solo.metrics.AccuracyReport;
import dev.solo.metrics.BatchResult;
import dev.solo.metrics.StoppingBound;
import dev.solo.select.QueueEntry;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Phase 6, active labeling: every item gets a machine label; batches of {@code batch_size} are
 * chosen from the six weighted pools, at least {@code min_random_share} of each at random; after
 * each batch the labeling functions are measured again on the grown labels (one that falls below
 * the bar is switched off), the dataset's accuracy is re-estimated from the random labels, and the model retrains
 * and relabels in the background while the person labels the next batch (chosen from a model one
 * batch old, which keeps the person from waiting and a resumed run identical to an uninterrupted
 * one). When the estimate's lower 95% bound reaches {@code accuracy_threshold} the workflow jumps
 * to confidence escalation; after {@code max_batches} it goes on to the refinement loop.
 */
public final class ActiveLabelingPhase implements PhaseRunner {
    private final SoloConfig config;
    private final Store store;
    private final HumanLabelingLoop labeling;
    private final ModelRefresh refresh;
    private final ActiveSelection selection;
    private final AccuracyCheck accuracy;
    private final FunctionRecheck functions;
    private final Clock clock;
    private final Consumer<String> announcer;

    public ActiveLabelingPhase(SoloConfig config, Store store, Models models, HumanLabelingLoop labeling, Clock clock,
                               Consumer<String> announcer) {
        this.config = config;
        this.store = store;
        this.labeling = labeling;
        this.refresh = new ModelRefresh(config, store, models, clock);
        this.selection = new ActiveSelection(config, store, refresh, announcer);
        this.accuracy = new AccuracyCheck(config, store, clock);
        this.functions = new FunctionRecheck(config, store, refresh::vectors, clock, announcer);
        this.clock = clock;
        this.announcer = announcer;
    }

    @Override
    public Phase phase() {
        return Phase.ACTIVE_LABELING;
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        PhasesConfig.ActiveLabeling settings = config.solo().phases().activeLabeling();
        int round = context.round();
        int first = Math.max(1, context.state().batch());
        announcer.accept("Labeling every item with the model before choosing what to ask.");
        refresh.retrain(phase(), round, queuedFrom(round, first));
        selection.queue(phase(), round, first, randomShare(round, first), context.randomFor("active-batch-" + first));
        try (BackgroundWork background = new BackgroundWork("solo-active-labeling")) {
            for (int batch = first; batch <= settings.maxBatches(); batch++) {
                context.startBatch(batch);
                List<QueueEntry> queue = store.workflow().queue(phase(), round, batch);
                Future<?> nextQueue = batch < settings.maxBatches()
                        ? chooseInBackground(background, context, batch + 1)
                        : CompletableFuture.completedFuture(null);
                Outcome outcome = labeling.run(new HumanLabelingLoop.Assignment(phase(), round, batch,
                        settings.maxBatches(), queue.size(), queue));
                if (outcome != Outcome.DONE) {
                    return new PhaseResult(outcome, "batch " + batch + " of active labeling");
                }
                BackgroundWork.await(nextQueue);
                functions.run(phase(), round);
                AccuracyCheck.Reading reading = finishBatch(context, batch, queue);
                if (reading.reached()) {
                    refresh.retrain(phase(), round, Set.of());
                    return new PhaseResult(Outcome.THRESHOLD_REACHED, "after batch " + batch + ", " + reading.describe());
                }
                if (batch < settings.maxBatches()) {
                    int learnedThrough = batch;
                    background.submit(() -> refresh.retrain(phase(), round, queuedFrom(round, learnedThrough + 1)));
                }
            }
        }
        refresh.retrain(phase(), round, Set.of());
        return new PhaseResult(Outcome.DONE, settings.maxBatches() + " batches; "
                + accuracy.read(new AccuracyCheck.Look(phase(), round, 0)).describe());
    }

    /** Chooses batch {@code batch} on the background thread, after any retraining queued before it. */
    private Future<?> chooseInBackground(BackgroundWork background, PhaseContext context, int batch) {
        double share = randomShare(context.round(), batch);
        return background.submit(() -> selection.queue(phase(), context.round(), batch, share,
                context.randomFor("active-batch-" + batch)));
    }

    /**
     * The random share of {@code batch}, from the estimate after batch {@code batch - 2} (batches
     * are chosen one ahead, while the person labels the one before), so a resumed run chooses as an
     * uninterrupted one did.
     */
    private double randomShare(int round, int batch) {
        PhasesConfig.ActiveLabeling settings = config.solo().phases().activeLabeling();
        Optional<AccuracyReport> latest = store.accuracy().all().stream()
                .filter(record -> record.phase() == phase() && record.round() == round && record.batch() == batch - 2)
                .map(AccuracyRecord::report)
                .reduce((a, b) -> b);
        int labelsLeft = (settings.maxBatches() - batch + 1) * settings.batchSize();
        // The look after this batch: two after the one the estimate was read at.
        int look = accuracy.looksBefore(new AccuracyCheck.Look(phase(), round, batch - 2)) + 3;
        return EvidenceShare.of(latest, config.solo().accuracyThreshold(), settings.minRandomShare(), labelsLeft,
                StoppingBound.widening(look));
    }

    private Set<String> queuedFrom(int round, int batch) {
        return RoundQueues.queuedFrom(store.workflow(), phase(), round, batch);
    }

    private AccuracyCheck.Reading finishBatch(PhaseContext context, int batch, List<QueueEntry> queue) {
        int round = context.round();
        Map<String, String> human = new HashMap<>();
        for (HumanExample example : store.humans().examples(config.scheme().name())) {
            human.put(example.itemId(), example.label());
        }
        List<QueueEntry> labeled = queue.stream().filter(entry -> human.containsKey(entry.itemId())).toList();
        int agreed = (int) labeled.stream()
                .filter(entry -> human.get(entry.itemId()).equals(entry.machineLabel())).count();
        AccuracyCheck.Reading reading = accuracy.record(accuracy.readLatest(new AccuracyCheck.Look(phase(), round,
                batch), refresh.labeler(), context.randomFor("active-folds-" + batch)));
        store.measurements().saveBatchResult(new BatchResult(phase(), round, batch, labeled.size(), agreed,
                reading.report().map(AccuracyReport::dataset), Instant.ofEpochMilli(clock.millis())));
        Map<String, Long> byPool = labeled.stream()
                .collect(Collectors.groupingBy(QueueEntry::pool, LinkedHashMap::new, Collectors.counting()));
        String pools = byPool.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        announcer.accept(String.format("Batch %d: %d labels (%s) · %d/%d agreed with the machine · %s", batch,
                labeled.size(), pools, agreed, labeled.size(), reading.describe()));
        accuracy.warnIfOutOfReach(reading, announcer);
        return reading;
    }
}
