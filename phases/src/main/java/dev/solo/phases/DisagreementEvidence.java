package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.human.Evidence;
import dev.solo.label.FunctionLabel;
import dev.solo.labeler.Prediction;
import dev.solo.select.NearestLabeled;
import dev.solo.select.QueueEntry;
import dev.solo.store.Store;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the person sees beside a disagreement: the model's label, confidence and distribution,
 * each labeling function that fired and its label, the {@code show_nearest_neighbors} nearest
 * human-labeled items with their labels and similarity, and the model's reasoning when
 * {@code show_llm_reasoning} is on and the labeler gave one (the local labeler gives none: its
 * neighbours are what it learned from). Computed for a whole batch before it is shown, so the
 * next item never waits for it.
 */
final class DisagreementEvidence {
    private final SoloConfig config;
    private final Store store;
    private final DisagreementSources sources;

    DisagreementEvidence(SoloConfig config, Store store, DisagreementSources sources) {
        this.config = config;
        this.store = store;
        this.sources = sources;
    }

    Map<String, Evidence> of(List<QueueEntry> queue, EmbeddingMatrix vectors) {
        var settings = config.solo().phases().disagreementExploration();
        String scheme = config.scheme().name();
        Set<String> ids = queue.stream().map(QueueEntry::itemId).collect(Collectors.toSet());
        Map<String, FunctionLabel> votes = new HashMap<>();
        store.functionLabels().forEach(scheme, vote -> {
            if (ids.contains(vote.itemId())) {
                votes.put(vote.itemId(), vote);
            }
        });
        Map<String, String> functionLabels = sources.functionLabels();
        NearestLabeled nearest = new NearestLabeled(vectors, sources.humanLabels());
        Map<String, Evidence> evidence = new HashMap<>();
        for (QueueEntry entry : queue) {
            store.predictions().of(entry.itemId(), scheme).ifPresent(label -> {
                Prediction prediction = label.prediction();
                FunctionLabel vote = votes.get(entry.itemId());
                List<Evidence.FunctionVote> functionVotes = vote == null ? List.of() : vote.functions().stream()
                        .filter(functionLabels::containsKey)
                        .map(name -> new Evidence.FunctionVote(name, functionLabels.get(name)))
                        .toList();
                List<Evidence.Neighbour> neighbours = nearest.of(entry.itemId(), settings.showNearestNeighbors()).stream()
                        .map(near -> new Evidence.Neighbour(near.itemId(), store.items().item(near.itemId()).text(),
                                near.label(), near.similarity()))
                        .toList();
                String reasoning = settings.showLlmReasoning() ? Objects.requireNonNullElse(prediction.reasoning(), "") : "";
                evidence.put(entry.itemId(), new Evidence(prediction.label(), prediction.confidence(),
                        distribution(prediction), functionVotes, neighbours, reasoning));
            });
        }
        return evidence;
    }

    private Map<String, Double> distribution(Prediction prediction) {
        Map<String, Double> shares = new LinkedHashMap<>();
        double[] p = prediction.distribution();
        List<String> labels = config.scheme().labels();
        if (p != null && p.length == labels.size()) {
            for (int i = 0; i < p.length; i++) {
                shares.put(labels.get(i), p[i]);
            }
        }
        return shares;
    }
}
