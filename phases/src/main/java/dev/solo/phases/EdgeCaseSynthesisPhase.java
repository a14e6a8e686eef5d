package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.llm.EdgeCaseWriter;
import dev.solo.metrics.AccuracyReport;
import dev.solo.metrics.BatchResult;
import dev.solo.select.BoundaryMining;
import dev.solo.select.QueueEntry;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Phase 9, edge cases: {@code count} items aimed at the confusion pairs ({@code confusion_pairs},
 * else the latest analysis), {@code diversity_weight} keeping near-duplicates apart. A remote
 * labeler's model writes new texts, stored as synthetic items outside the dataset; offline, or
 * with an oracle that can label only the data, solo mines the real unlabeled items nearest each
 * pair's boundary instead, and says so. The person labels them in batches of active labeling's
 * {@code batch_size}; the model learns from them and the dataset's accuracy is estimated again.
 */
public final class EdgeCaseSynthesisPhase implements PhaseRunner {
    private final SoloConfig config;
    private final Store store;
    private final HumanLabelingLoop labeling;
    private final Models models;
    private final ModelRefresh refresh;
    private final AccuracyCheck accuracy;
    private final EdgeCaseCandidates candidates;
    private final Clock clock;
    private final Consumer<String> announcer;

    public EdgeCaseSynthesisPhase(SoloConfig config, Store store, Models models, HumanLabelingLoop labeling, Clock clock,
                                  Consumer<String> announcer) {
        this.config = config;
        this.store = store;
        this.labeling = labeling;
        this.models = models;
        this.refresh = new ModelRefresh(config, store, models, clock);
        this.accuracy = new AccuracyCheck(config, store, clock);
        this.candidates = new EdgeCaseCandidates(config, store);
        this.clock = clock;
        this.announcer = announcer;
    }

    @Override
    public Phase phase() {
        return Phase.EDGE_CASE_SYNTHESIS;
    }

    @Override
    public boolean enabledBy(SoloConfig config) {
        return config.solo().phases().edgeCaseSynthesis().enabled();
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        int round = context.round();
        List<BoundaryMining.Pair> pairs = candidates.pairs();
        if (pairs.isEmpty()) {
            return new PhaseResult(Outcome.DONE, "no confusion pair to aim edge cases at");
        }
        if (store.workflow().queue(phase(), round, 1).isEmpty()) {
            refresh.retrain(phase(), round, Set.of());
            if (choose(round, pairs) == 0) {
                return new PhaseResult(Outcome.DONE, "no unlabeled item lies between the confused labels");
            }
        }
        int batches = RoundQueues.batchCount(store.workflow(), phase(), round);
        for (int batch = Math.max(1, context.state().batch()); batch <= batches; batch++) {
            context.startBatch(batch);
            List<QueueEntry> queue = store.workflow().queue(phase(), round, batch);
            Outcome outcome = labeling.run(new HumanLabelingLoop.Assignment(phase(), round, batch, batches,
                    queue.size(), queue));
            if (outcome != Outcome.DONE) {
                return new PhaseResult(outcome, "batch " + batch + " of edge cases");
            }
            finishBatch(round, batch, queue);
        }
        refresh.retrain(phase(), round, Set.of());
        AccuracyCheck.Reading reading = accuracy.record(new AccuracyCheck.Look(phase(), round, 0));
        return new PhaseResult(Outcome.DONE, summary(round, batches, pairs) + "; " + reading.describe());
    }

    /**
     * Queues the round's edge cases in batches; returns how many. A remote model writes them when
     * the person can label new text; otherwise real items near the boundaries are mined.
     */
    private int choose(int round, List<BoundaryMining.Pair> pairs) {
        PhasesConfig.EdgeCaseSynthesis settings = config.solo().phases().edgeCaseSynthesis();
        Optional<EdgeCaseWriter> writer = models.edgeCaseWriter();
        List<QueueEntry> chosen;
        if (writer.isPresent() && labeling.personLabelsNewText()) {
            LabelingModel model = refresh.labeler().train(store.humans().examples(config.scheme().name()));
            chosen = new GeneratedEdgeCases(config, store, models, writer.get())
                    .write(round, pairs, settings.count(), settings.diversityWeight(), model);
            announcer.accept(String.format("Edge cases: %s wrote %d texts between %s; they are kept apart from the dataset "
                    + "(solo export --include-synthetic adds them).", writer.get().describe(), chosen.size(), describe(pairs)));
        } else {
            EmbeddingMatrix vectors = refresh.vectors();
            chosen = BoundaryMining.choose(candidates.near(pairs), pairs, settings.count(), settings.diversityWeight(),
                    (a, b) -> similarity(vectors, a, b));
            announcer.accept(String.format("Edge cases: %d real items nearest the boundaries of %s (%s).", chosen.size(),
                    describe(pairs), writer.isPresent() ? "the oracle labels only items of its gold file, so solo mines "
                            + "the data instead of generating" : "offline: solo generates no text, it mines the data"));
        }
        int size = config.solo().phases().activeLabeling().batchSize();
        for (int from = 0, batch = 1; from < chosen.size(); from += size, batch++) {
            store.workflow().saveQueue(phase(), round, batch, chosen.subList(from, Math.min(chosen.size(), from + size)));
        }
        return chosen.size();
    }

    private static double similarity(EmbeddingMatrix vectors, String a, String b) {
        OptionalInt rowA = vectors.row(a);
        OptionalInt rowB = vectors.row(b);
        return rowA.isPresent() && rowB.isPresent() ? vectors.similarity(rowA.getAsInt(), rowB.getAsInt()) : 0;
    }

    private void finishBatch(int round, int batch, List<QueueEntry> queue) {
        Map<String, String> human = candidates.humanLabels();
        List<QueueEntry> labeled = queue.stream().filter(entry -> human.containsKey(entry.itemId())).toList();
        int agreed = (int) labeled.stream().filter(entry -> human.get(entry.itemId()).equals(entry.machineLabel())).count();
        store.measurements().saveBatchResult(new BatchResult(phase(), round, batch, labeled.size(), agreed,
                accuracy.read(new AccuracyCheck.Look(phase(), round, batch)).report()
                        .map(AccuracyReport::dataset), Instant.ofEpochMilli(clock.millis())));
        announcer.accept(String.format("Batch %d: %d edge cases labeled · the model was right on %d/%d", batch,
                labeled.size(), agreed, labeled.size()));
    }

    private String summary(int round, int batches, List<BoundaryMining.Pair> pairs) {
        int asked = 0;
        int agreed = 0;
        for (BatchResult result : store.measurements().batchResults(phase())) {
            if (result.round() == round && result.batch() <= batches) {
                asked += result.asked();
                agreed += result.agreed();
            }
        }
        boolean written = store.workflow().queue(phase(), round, 1).stream().anyMatch(GeneratedEdgeCases::written);
        return String.format("%d %s near the boundaries of %s and labeled; the model was right on %d of them", asked,
                written ? "new texts written" : "real items mined", describe(pairs), agreed);
    }

    private static String describe(List<BoundaryMining.Pair> pairs) {
        return pairs.stream().map(BoundaryMining.Pair::describe).collect(Collectors.joining(", "));
    }
}
