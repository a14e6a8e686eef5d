package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.human.HumanExample;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import dev.solo.labeler.llm.EdgeCaseWriter;
import dev.solo.label.LabelingSetup;
import dev.solo.select.BoundaryMining;
import dev.solo.select.QueueEntry;
import dev.solo.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edge cases a remote model writes: for each confusion pair, its share of {@code count} and half
 * as many again, from the guidelines and a few texts the person gave each label; then, of what
 * came back, a maximal-marginal-relevance choice by {@code diversity_weight} keeps near-duplicates
 * out (cosine similarity of their embeddings). The chosen texts are stored as synthetic items and
 * queued with the label the model gives them now, so the batch line can say how it did on them.
 */
final class GeneratedEdgeCases {
    /** Texts of each label shown to the writer as examples. */
    static final int EXAMPLES_PER_LABEL = 3;
    /** Texts asked for per text kept: room for the diversity choice. */
    static final double OVERSAMPLE = 1.5;

    private final SoloConfig config;
    private final Store store;
    private final Models models;
    private final EdgeCaseWriter writer;

    GeneratedEdgeCases(SoloConfig config, Store store, Models models, EdgeCaseWriter writer) {
        this.config = config;
        this.store = store;
        this.models = models;
        this.writer = writer;
    }

    /** Writes, chooses and stores the round's edge cases; {@code model} gives their machine labels. */
    List<QueueEntry> write(int round, List<BoundaryMining.Pair> pairs, int count, double diversityWeight,
                           LabelingModel model) {
        String guidelines = store.setups().latest().map(LabelingSetup::guidelines).orElse(config.scheme().description());
        int[] quotas = BoundaryMining.quotas(pairs, count);
        Map<String, String> written = new LinkedHashMap<>();
        List<BoundaryMining.Candidate> candidates = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            if (quotas[p] == 0) {
                continue;
            }
            BoundaryMining.Pair pair = pairs.get(p);
            List<String> texts = writer.write(guidelines, config.scheme().labels(), new EdgeCaseWriter.Boundary(
                    pair.first(), pair.second(), examplesOf(pair.first()), examplesOf(pair.second())),
                    (int) Math.ceil(quotas[p] * OVERSAMPLE));
            for (String text : texts) {
                if (!written.containsValue(text)) {
                    String key = "written-" + written.size();
                    written.put(key, text);
                    candidates.add(new BoundaryMining.Candidate(key, pair.first(), pair.second(), 0, 0));
                }
            }
        }
        if (written.isEmpty()) {
            return List.of();
        }
        List<String> keys = List.copyOf(written.keySet());
        float[][] vectors = models.encodeTexts(List.copyOf(written.values()));
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            row.put(keys.get(i), i);
        }
        List<QueueEntry> chosen = BoundaryMining.choose(candidates, pairs, count, diversityWeight,
                (a, b) -> cosine(vectors[row.get(a)], vectors[row.get(b)]));
        List<String> ids = store.items().addSynthetic("synthetic-r" + round + "-",
                chosen.stream().map(entry -> written.get(entry.itemId())).toList());
        List<Prediction> predictions = model.predict(ids);
        List<QueueEntry> entries = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            QueueEntry entry = new QueueEntry(ids.get(i), BoundaryMining.POOL, "written by " + writer.describe() + ", "
                    + chosen.get(i).detail().replaceFirst(", margin .*", ""));
            Prediction prediction = predictions.get(i);
            entries.add(prediction.abstained() ? entry : entry.withMachineLabel(prediction.label(), prediction.confidence()));
        }
        return entries;
    }

    private List<String> examplesOf(String label) {
        List<String> ids = store.humans().examples(config.scheme().name()).stream()
                .filter(example -> example.label().equals(label))
                .map(HumanExample::itemId)
                .limit(EXAMPLES_PER_LABEL)
                .toList();
        return List.copyOf(store.items().texts(ids).values());
    }

    /** Cosine similarity of two normalized vectors. */
    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
