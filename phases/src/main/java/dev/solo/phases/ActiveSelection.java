package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.label.FunctionLabel;
import dev.solo.label.ModelLabel;
import dev.solo.labeler.Prediction;
import dev.solo.metrics.ConfusionReport;
import dev.solo.metrics.ConfusionReportJson;
import dev.solo.select.ActiveBatchSelector;
import dev.solo.select.ActiveCandidate;
import dev.solo.select.ActiveSelectionInput;
import dev.solo.select.QueueEntry;
import dev.solo.select.RandomSeedSelector;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Chooses active labeling's batches from the six pools. Every item without a human label that no
 * earlier batch of this round queued is a candidate, seen as the machine sees it now: the model's
 * prediction and the labeling functions' vote. Above {@link #MAX_CANDIDATES} candidates a random
 * subsample is scored, which keeps a batch's selection bounded at a million items (every item is
 * still labeled by the model). Each queued item keeps the machine label it had, so the random
 * ones check the machine without bias.
 */
final class ActiveSelection {
    static final int MAX_CANDIDATES = 20_000;

    private final SoloConfig config;
    private final Store store;
    private final ModelRefresh refresh;
    private final Consumer<String> announcer;

    ActiveSelection(SoloConfig config, Store store, ModelRefresh refresh, Consumer<String> announcer) {
        this.config = config;
        this.store = store;
        this.refresh = refresh;
        this.announcer = announcer;
    }

    /**
     * The queue of {@code batch}, chosen now from the machine labels as stored unless it was chosen
     * before, with at least {@code randomShare} of it drawn at random.
     */
    List<QueueEntry> queue(Phase phase, int round, int batch, double randomShare, Random random) {
        List<QueueEntry> stored = store.workflow().queue(phase, round, batch);
        if (!stored.isEmpty()) {
            return stored;
        }
        Set<String> queuedBefore = RoundQueues.queuedBefore(store.workflow(), phase, round, batch);
        Map<String, String> humanLabels = new HashMap<>();
        store.humans().examples(config.scheme().name()).forEach(example -> humanLabels.put(example.itemId(), example.label()));
        queuedBefore.forEach(item -> humanLabels.putIfAbsent(item, null));
        List<ActiveCandidate> candidates = candidates(humanLabels.keySet(), random);
        List<ConfusionReport.Pair> pairs = store.measurements().confusionReport(null)
                .map(json -> ConfusionReportJson.read(json).pairs()).orElse(List.of());
        var settings = config.solo().phases().activeLabeling();
        ActiveBatchSelector selector = new ActiveBatchSelector(config.solo().prioritization().pools(),
                settings.strategy(), config.solo().confidenceThreshold(), randomShare, MAX_CANDIDATES);
        Map<String, ActiveCandidate> byId = new HashMap<>();
        candidates.forEach(candidate -> byId.put(candidate.itemId(), candidate));
        List<QueueEntry> chosen = selector.select(new ActiveSelectionInput(candidates, refresh.vectors(), humanLabels,
                pairs, config.scheme().labels()), settings.batchSize(), random).stream()
                .map(entry -> withMachineLabel(entry, byId.get(entry.itemId())))
                .toList();
        store.workflow().saveQueue(phase, round, batch, chosen);
        return chosen;
    }

    /** Every candidate, or a uniform subsample of {@link #MAX_CANDIDATES} of them. */
    private List<ActiveCandidate> candidates(Set<String> excluded, Random random) {
        String scheme = config.scheme().name();
        List<String> ids = new ArrayList<>();
        for (String id : store.predictions().itemIds(scheme)) {
            if (!excluded.contains(id)) {
                ids.add(id);
            }
        }
        Set<String> kept = new HashSet<>();
        if (ids.size() > MAX_CANDIDATES) {
            for (int index : RandomSeedSelector.partialShuffle(ids.size(), MAX_CANDIDATES, random)) {
                kept.add(ids.get(index));
            }
            if (store.workflow().warnOnce("candidate-subsample", String.format(
                    "Active labeling scores a random %,d of the %,d candidates per batch; every item is still labeled.",
                    MAX_CANDIDATES, ids.size()))) {
                announcer.accept("Scoring a random " + MAX_CANDIDATES + " of " + ids.size() + " candidates per batch.");
            }
        } else {
            kept.addAll(ids);
        }
        Map<String, FunctionLabel> votes = new HashMap<>();
        store.functionLabels().forEach(scheme, vote -> {
            if (kept.contains(vote.itemId())) {
                votes.put(vote.itemId(), vote);
            }
        });
        List<ActiveCandidate> candidates = new ArrayList<>(kept.size());
        store.predictions().forEach(scheme, kept, label -> candidates.add(candidate(label, votes.get(label.itemId()))));
        return candidates;
    }

    private static ActiveCandidate candidate(ModelLabel label, FunctionLabel vote) {
        Prediction prediction = label.prediction();
        return new ActiveCandidate(label.itemId(), prediction.label(), prediction.confidence(), prediction.margin(),
                prediction.distribution(), vote == null ? null : vote.value(), vote == null ? 0 : vote.confidence());
    }

    /** The label the item carries now, decided as the store decides it: the functions' vote where it is more reliable. */
    private static QueueEntry withMachineLabel(QueueEntry entry, ActiveCandidate candidate) {
        if (candidate.functionVote() != null && candidate.functionConfidence() > candidate.confidence()) {
            return entry.withMachineLabel(candidate.functionVote(), candidate.functionConfidence());
        }
        return entry.withMachineLabel(candidate.label(), candidate.confidence());
    }
}
