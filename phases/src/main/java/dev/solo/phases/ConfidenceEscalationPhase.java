package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.human.HumanExample;
import dev.solo.label.LabelSource;
import dev.solo.metrics.AccuracyReport;
import dev.solo.metrics.BatchResult;
import dev.solo.select.EscalationBatch;
import dev.solo.select.QueueEntry;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Phase 10, confidence escalation: the person labels the least confident machine labels in
 * batches of {@code batch_size} (with a remote labeler, those least likely right by its confidence
 * and the embedded model's second opinion together, see {@link SecondOpinion}), shown blind, with about 5% of each batch random controls from the
 * rest; after each batch the model retrains in the background and the dataset's accuracy is
 * estimated again. It stops on evidence, when the estimate's lower 95% bound reaches
 * {@code accuracy_threshold}; or when the last {@code stability_window} batches were all correct
 * ({@code stop_when_stable}); or when {@code escalation_budget} labels are spent. The summary says
 * which stop fired and what the estimate then is.
 */
public final class ConfidenceEscalationPhase implements PhaseRunner {
    /** The share of each batch drawn at random from the machine labels not chosen by confidence. */
    static final double CONTROL_SHARE = 0.05;

    private final SoloConfig config;
    private final Store store;
    private final HumanLabelingLoop labeling;
    private final ModelRefresh refresh;
    private final AccuracyCheck accuracy;
    private final SecondOpinion secondOpinion;
    private final Clock clock;
    private final Consumer<String> announcer;

    public ConfidenceEscalationPhase(SoloConfig config, Store store, Models models, HumanLabelingLoop labeling,
                                     Clock clock, Consumer<String> announcer) {
        this.config = config;
        this.store = store;
        this.labeling = labeling;
        this.refresh = new ModelRefresh(config, store, models, clock);
        this.accuracy = new AccuracyCheck(config, store, clock);
        this.secondOpinion = new SecondOpinion(config, store, models, refresh);
        this.clock = clock;
        this.announcer = announcer;
    }

    @Override
    public Phase phase() {
        return Phase.CONFIDENCE_ESCALATION;
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        PhasesConfig.ConfidenceEscalation settings = config.solo().phases().confidenceEscalation();
        int round = context.round();
        int first = Math.max(1, context.state().batch());
        refresh.retrain(phase(), round, RoundQueues.queuedFrom(store.workflow(), phase(), round, first));
        AccuracyCheck.Look end = new AccuracyCheck.Look(phase(), round, 0);
        if (first == 1) {
            // Recorded whatever it says: every look a stop may be decided on counts (StoppingBound).
            AccuracyCheck.Reading start = accuracy.record(accuracy.read(end));
            if (start.reached()) {
                return new PhaseResult(Outcome.DONE, "nothing to escalate: " + start.describe());
            }
        }
        int batches = (int) Math.ceil((double) settings.escalationBudget() / settings.batchSize());
        choose(context, first);
        try (BackgroundWork background = new BackgroundWork("solo-escalation")) {
            for (int batch = first; batch <= batches; batch++) {
                context.startBatch(batch);
                List<QueueEntry> queue = store.workflow().queue(phase(), round, batch);
                if (queue.isEmpty()) {
                    return finish(context, "every machine label was escalated", accuracy.read(end));
                }
                int next = batch + 1;
                Future<?> nextQueue = batch < batches ? background.submit(() -> choose(context, next))
                        : CompletableFuture.completedFuture(null);
                Outcome outcome = labeling.run(new HumanLabelingLoop.Assignment(phase(), round, batch, batches,
                        queue.size(), queue, true));
                if (outcome != Outcome.DONE) {
                    return new PhaseResult(outcome, "batch " + batch + " of confidence escalation");
                }
                BackgroundWork.await(nextQueue);
                AccuracyCheck.Reading reading = finishBatch(context, batch, queue);
                if (reading.reached()) {
                    return finish(context, "the estimate's lower bound reached the target", reading);
                }
                if (settings.stopWhenStable() && lastBatchesAllCorrect(settings.stabilityWindow())) {
                    return finish(context, "the last " + settings.stabilityWindow() + " batches were all correct (stop_when_stable)",
                            reading);
                }
                int learnedThrough = batch;
                background.submit(() -> refresh.retrain(phase(), round,
                        RoundQueues.queuedFrom(store.workflow(), phase(), round, learnedThrough + 1)));
            }
        }
        return finish(context, "escalation_budget of " + settings.escalationBudget() + " labels spent",
                accuracy.read(end));
    }

    /** Chooses batch {@code batch} from the machine labels as they stand, unless it was chosen before. */
    private void choose(PhaseContext context, int batch) {
        int round = context.round();
        if (!store.workflow().queue(phase(), round, batch).isEmpty()) {
            return;
        }
        Set<String> asked = RoundQueues.queuedBefore(store.workflow(), phase(), round, batch);
        Optional<SecondOpinion.Ranking> ranking = secondOpinion.rank(context.randomFor("escalation-ranking-" + batch));
        if (batch == 1) {
            ranking.ifPresent(found -> announcer.accept(found.describe()));
        }
        Map<String, Double> chanceRight = ranking.map(SecondOpinion.Ranking::chanceRight).orElse(Map.of());
        List<EscalationBatch.Candidate> candidates = new ArrayList<>();
        store.labeledRows().forEach(row -> {
            if (row.source() != LabelSource.HUMAN && !asked.contains(row.itemId())) {
                candidates.add(new EscalationBatch.Candidate(row.itemId(), row.value(), row.confidence(),
                        chanceRight.getOrDefault(row.itemId(), row.confidence())));
            }
        });
        int size = config.solo().phases().confidenceEscalation().batchSize();
        int controls = (int) Math.max(1, Math.round(CONTROL_SHARE * size));
        store.workflow().saveQueue(phase(), round, batch, EscalationBatch.choose(candidates, size, controls,
                context.randomFor("escalation-batch-" + batch)));
    }

    private AccuracyCheck.Reading finishBatch(PhaseContext context, int batch, List<QueueEntry> queue) {
        int round = context.round();
        Map<String, String> human = new HashMap<>();
        for (HumanExample example : store.humans().examples(config.scheme().name())) {
            human.put(example.itemId(), example.label());
        }
        List<QueueEntry> labeled = queue.stream().filter(entry -> human.containsKey(entry.itemId())).toList();
        int correct = (int) labeled.stream()
                .filter(entry -> human.get(entry.itemId()).equals(entry.machineLabel())).count();
        AccuracyCheck.Reading reading = accuracy.record(accuracy.readLatest(new AccuracyCheck.Look(phase(), round,
                batch), refresh.labeler(), context.randomFor("escalation-folds-" + batch)));
        store.measurements().saveBatchResult(new BatchResult(phase(), round, batch, labeled.size(), correct,
                reading.report().map(AccuracyReport::dataset), Instant.ofEpochMilli(clock.millis())));
        announcer.accept(String.format(Locale.ROOT, "Batch %d: %d instances, %d/%d correct (%.0f%%) · %s", batch,
                labeled.size(), correct, labeled.size(), labeled.isEmpty() ? 0.0 : 100.0 * correct / labeled.size(),
                reading.describe()));
        return reading;
    }

    /** True when the last {@code window} batches of this phase (over every round) each had every label right. */
    private boolean lastBatchesAllCorrect(int window) {
        List<BatchResult> results = store.measurements().batchResults(phase());
        if (results.size() < window) {
            return false;
        }
        return results.subList(results.size() - window, results.size()).stream()
                .allMatch(result -> result.asked() > 0 && result.agreed() == result.asked());
    }

    /**
     * Learns from every label, then estimates again: the figure reported is that of the labels
     * the dataset will carry, not of the model the stop was decided on.
     */
    private PhaseResult finish(PhaseContext context, String stop, AccuracyCheck.Reading atStop) {
        int round = context.round();
        refresh.retrain(phase(), round, Set.of());
        AccuracyCheck.Reading reading = accuracy.record(accuracy.readLatest(new AccuracyCheck.Look(phase(), round, 0),
                refresh.labeler(), context.randomFor("escalation-folds-end")));
        String summary = "stopped: " + stop + "; " + (reading.report().isPresent() ? reading : atStop).describe();
        if (!reading.reached()) {
            summary += String.format(Locale.ROOT, "; target %.2f not reached", reading.target());
        }
        return new PhaseResult(Outcome.DONE, summary);
    }
}
