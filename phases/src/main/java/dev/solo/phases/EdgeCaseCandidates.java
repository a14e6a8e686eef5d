package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.labeler.Prediction;
import dev.solo.metrics.ConfusionReport;
import dev.solo.metrics.ConfusionReportJson;
import dev.solo.select.BoundaryMining;
import dev.solo.store.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * What edge cases are mined from: the confusion pairs to aim at (configured, else the latest
 * analysis's, at most {@link #MOST_PAIRS}, one per unordered pair), and the items without a human
 * label whose two most probable labels are one of them, the closest to each boundary kept.
 */
final class EdgeCaseCandidates {
    static final int MOST_PAIRS = 3;

    private final SoloConfig config;
    private final Store store;

    EdgeCaseCandidates(SoloConfig config, Store store) {
        this.config = config;
        this.store = store;
    }

    List<BoundaryMining.Pair> pairs() {
        List<List<String>> configured = config.solo().phases().edgeCaseSynthesis().confusionPairs();
        if (!configured.isEmpty()) {
            return configured.stream().map(pair -> new BoundaryMining.Pair(pair.get(0), pair.get(1), 1)).toList();
        }
        List<ConfusionReport.Pair> analysed = store.measurements().confusionReport(null)
                .map(json -> ConfusionReportJson.read(json).pairs()).orElse(List.of());
        Map<Set<String>, BoundaryMining.Pair> merged = new LinkedHashMap<>();
        for (ConfusionReport.Pair pair : analysed) {
            Set<String> key = Set.of(pair.human(), pair.model());
            BoundaryMining.Pair known = merged.get(key);
            merged.put(key, known == null ? new BoundaryMining.Pair(pair.human(), pair.model(), pair.count())
                    : new BoundaryMining.Pair(known.first(), known.second(), known.errors() + pair.count()));
        }
        return merged.values().stream().filter(pair -> pair.errors() > 0)
                .sorted(Comparator.comparingInt(BoundaryMining.Pair::errors).reversed())
                .limit(MOST_PAIRS).toList();
    }

    Map<String, String> humanLabels() {
        Map<String, String> labels = new HashMap<>();
        store.humans().examples(config.scheme().name()).forEach(example -> labels.put(example.itemId(), example.label()));
        return labels;
    }

    /** Per pair, the items nearest its boundary (at most the shortlist each), as the model labels them now. */
    List<BoundaryMining.Candidate> near(List<BoundaryMining.Pair> pairs) {
        Map<String, String> human = humanLabels();
        List<String> labels = config.scheme().labels();
        List<PriorityQueue<BoundaryMining.Candidate>> closest = new ArrayList<>();
        pairs.forEach(pair -> closest.add(new PriorityQueue<>(
                Comparator.comparingDouble(BoundaryMining.Candidate::margin).reversed())));
        store.predictions().forEach(config.scheme().name(), label -> {
            Prediction prediction = label.prediction();
            double[] p = prediction.distribution();
            if (human.containsKey(label.itemId()) || p == null || p.length != labels.size() || p.length < 2) {
                return;
            }
            int top = 0;
            for (int i = 1; i < p.length; i++) {
                top = p[i] > p[top] ? i : top;
            }
            int second = top == 0 ? 1 : 0;
            for (int i = 0; i < p.length; i++) {
                second = i != top && p[i] > p[second] ? i : second;
            }
            BoundaryMining.Candidate candidate = new BoundaryMining.Candidate(label.itemId(), labels.get(top),
                    labels.get(second), p[top] - p[second], prediction.confidence());
            for (int index = 0; index < pairs.size(); index++) {
                if (Set.of(pairs.get(index).first(), pairs.get(index).second())
                        .equals(Set.of(candidate.top(), candidate.runnerUp()))) {
                    PriorityQueue<BoundaryMining.Candidate> queue = closest.get(index);
                    queue.add(candidate);
                    if (queue.size() > BoundaryMining.SHORTLIST) {
                        queue.poll();
                    }
                }
            }
        });
        Set<String> seen = new HashSet<>();
        List<BoundaryMining.Candidate> near = new ArrayList<>();
        closest.forEach(queue -> queue.forEach(candidate -> {
            if (seen.add(candidate.itemId())) {
                near.add(candidate);
            }
        }));
        return near;
    }
}
