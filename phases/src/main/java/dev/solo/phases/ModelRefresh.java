package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.human.HumanExample;
import dev.solo.label.ModelLabel;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.LabelingModel;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The labeler of a phase in which the person keeps labeling: it holds every item's vectors once,
 * learns from the human labels, and labels the items again so that every item has a machine
 * label. A local model labels every item after each retraining; a remote one labels only the
 * items that have no machine label yet, since each call costs.
 */
final class ModelRefresh {
    /** Items predicted and saved per transaction: bounds memory at a million items. */
    static final int CHUNK = 20_000;

    private final SoloConfig config;
    private final Store store;
    private final Models models;
    private final Clock clock;
    private EmbeddingMatrix vectors;
    private Labeler labeler;
    private boolean prepared;

    ModelRefresh(SoloConfig config, Store store, Models models, Clock clock) {
        this.config = config;
        this.store = store;
        this.models = models;
        this.clock = clock;
    }

    /** Every item's vectors under the labeler's embedding model, loaded once (embedding any missing). */
    synchronized EmbeddingMatrix vectors() {
        if (vectors == null) {
            vectors = models.everyItemVectors();
        }
        return vectors;
    }

    synchronized Labeler labeler() {
        if (labeler == null) {
            labeler = models.labeler(vectors());
        }
        return labeler;
    }

    /**
     * Learns from every human label except those on {@code withheld} items (labels given after the
     * point this model stands for, so a resumed run trains exactly the model an uninterrupted one
     * did) and labels the items again. Returns how many items were labeled.
     */
    int retrain(Phase phase, int round, Set<String> withheld) {
        return retrain(phase, round, withheld, labeler().relabelsCheaply());
    }

    /** Learns from every human label and labels every item again, even with a remote labeler whose calls cost. */
    int relabelEveryItem(Phase phase, int round) {
        return retrain(phase, round, Set.of(), true);
    }

    private int retrain(Phase phase, int round, Set<String> withheld, boolean everyItem) {
        Labeler current = labeler();
        if (everyItem && !prepared) {
            // At the phase's entry, where the person waits for the first relabeling anyway, not at a batch's end.
            current.prepareToLabelEveryItem();
            prepared = true;
        }
        List<HumanExample> examples = store.humans().examples(config.scheme().name()).stream()
                .filter(example -> !withheld.contains(example.itemId()))
                .toList();
        if (examples.isEmpty()) {
            return 0;
        }
        LabelingModel model = current.train(examples);
        List<String> toLabel = everyItem ? vectors().ids() : unlabeledByMachine();
        int setup = store.setups().current().version();
        for (int from = 0; from < toLabel.size(); from += CHUNK) {
            List<String> chunk = toLabel.subList(from, Math.min(toLabel.size(), from + CHUNK));
            Instant now = Instant.ofEpochMilli(clock.millis());
            List<ModelLabel> labels = model.predict(chunk).stream()
                    .filter(prediction -> !prediction.abstained())
                    .map(prediction -> new ModelLabel(prediction, config.scheme().name(), current.name(), phase, round,
                            setup, now))
                    .toList();
            store.predictions().save(labels);
        }
        return toLabel.size();
    }

    private List<String> unlabeledByMachine() {
        Set<String> predicted = new HashSet<>();
        store.predictions().forEach(config.scheme().name(), label -> predicted.add(label.itemId()));
        return vectors().ids().stream().filter(id -> !predicted.contains(id)).toList();
    }
}
