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
import java.util.List;

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
    private static final String WRITTEN_BY = "written by ";

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
        List<HumanExample> labeled = store.humans().examples(config.scheme().name());
        int[] quotas = BoundaryMining.quotas(pairs, count);
        // A candidate's id is the index of its text in the order written.
        List<String> written = new ArrayList<>();
        List<BoundaryMining.Pair> writtenFor = new ArrayList<>();
        List<BoundaryMining.Candidate> candidates = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            if (quotas[p] == 0) {
                continue;
            }
            BoundaryMining.Pair pair = pairs.get(p);
            List<String> texts = writer.write(guidelines, config.scheme().labels(), new EdgeCaseWriter.Boundary(
                    pair.first(), pair.second(), examplesOf(pair.first(), labeled), examplesOf(pair.second(), labeled)),
                    (int) Math.ceil(quotas[p] * OVERSAMPLE));
            for (String text : texts) {
                if (!written.contains(text)) {
                    candidates.add(new BoundaryMining.Candidate(Integer.toString(written.size()), pair.first(),
                            pair.second(), 0, 0));
                    written.add(text);
                    writtenFor.add(pair);
                }
            }
        }
        if (written.isEmpty()) {
            return List.of();
        }
        float[][] vectors = models.encodeTexts(written);
        List<QueueEntry> chosen = BoundaryMining.choose(candidates, pairs, count, diversityWeight,
                (a, b) -> cosine(vectors[Integer.parseInt(a)], vectors[Integer.parseInt(b)]));
        List<String> ids = store.items().addSynthetic("synthetic-r" + round + "-",
                chosen.stream().map(entry -> written.get(Integer.parseInt(entry.itemId()))).toList());
        List<Prediction> predictions = model.predict(ids);
        List<QueueEntry> entries = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            QueueEntry entry = new QueueEntry(ids.get(i), BoundaryMining.POOL, WRITTEN_BY + writer.describe() + ", "
                    + writtenFor.get(Integer.parseInt(chosen.get(i).itemId())).describe());
            Prediction prediction = predictions.get(i);
            entries.add(prediction.abstained() ? entry : entry.withMachineLabel(prediction.label(), prediction.confidence()));
        }
        return entries;
    }

    /** Whether a queued edge case was written by a remote model (else mined from the data). */
    static boolean written(QueueEntry entry) {
        return entry.detail().startsWith(WRITTEN_BY);
    }

    private List<String> examplesOf(String label, List<HumanExample> labeled) {
        List<String> ids = labeled.stream()
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
