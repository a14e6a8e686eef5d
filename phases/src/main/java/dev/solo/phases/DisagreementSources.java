package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.label.FunctionLabel;
import dev.solo.label.ModelLabel;
import dev.solo.lf.FunctionRecord;
import dev.solo.select.Disagreement;
import dev.solo.select.NearestLabeled;
import dev.solo.select.RandomSeedSelector;
import dev.solo.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The three sources of a machine's view of each item without a human label, as stored now: the
 * model's prediction, the labeling functions' vote (and which of them fired against the model),
 * and the label most of its nearest human-labeled items carry. Above {@link #MAX_ITEMS} items a
 * uniform sample is read, which bounds the neighbour search at a million items.
 */
final class DisagreementSources {
    static final int MAX_ITEMS = 20_000;

    private final SoloConfig config;
    private final Store store;

    DisagreementSources(SoloConfig config, Store store) {
        this.config = config;
        this.store = store;
    }

    /** Every human label by item: who the neighbours are. */
    Map<String, String> humanLabels() {
        Map<String, String> labels = new HashMap<>();
        store.humans().examples(config.scheme().name()).forEach(example -> labels.put(example.itemId(), example.label()));
        return labels;
    }

    /** Each enabled labeling function's label, by name. */
    Map<String, String> functionLabels() {
        Map<String, String> labels = new HashMap<>();
        for (FunctionRecord record : store.functions().enabled()) {
            labels.put(record.function().name(), record.label());
        }
        return labels;
    }

    /** The sources' view of items without a human label, or of a uniform sample of {@link #MAX_ITEMS} of them. */
    List<Disagreement> read(EmbeddingMatrix vectors, int neighbours, Random random) {
        String scheme = config.scheme().name();
        Map<String, String> human = humanLabels();
        List<String> ids = new ArrayList<>();
        store.predictions().forEach(scheme, label -> {
            if (!human.containsKey(label.itemId())) {
                ids.add(label.itemId());
            }
        });
        Set<String> kept = new HashSet<>();
        if (ids.size() > MAX_ITEMS) {
            for (int index : RandomSeedSelector.partialShuffle(ids.size(), MAX_ITEMS, random)) {
                kept.add(ids.get(index));
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
        Map<String, String> functionLabels = functionLabels();
        NearestLabeled nearest = new NearestLabeled(vectors, human);
        List<Disagreement> sources = new ArrayList<>(kept.size());
        store.predictions().forEach(scheme, label -> {
            if (kept.contains(label.itemId())) {
                sources.add(of(label, votes.get(label.itemId()), functionLabels,
                        NearestLabeled.majority(nearest.of(label.itemId(), neighbours)).orElse(null)));
            }
        });
        return sources;
    }

    private static Disagreement of(ModelLabel label, FunctionLabel vote, Map<String, String> functionLabels,
                                   String neighbourLabel) {
        String model = label.prediction().label();
        int against = vote == null ? 0 : (int) vote.functions().stream()
                .map(functionLabels::get)
                .filter(voted -> voted != null && !voted.equals(model))
                .count();
        return new Disagreement(label.itemId(), model, label.prediction().confidence(), label.prediction().margin(),
                vote == null ? null : vote.value(), against, neighbourLabel);
    }
}
