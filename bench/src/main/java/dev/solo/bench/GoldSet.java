package dev.solo.bench;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.human.HumanExample;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import dev.solo.labeler.local.LocalLabeler;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A gold-labeled dataset as the baselines see it: every item's vector for the labeler solo used, and
 * its gold label, which stands in for the person's answer. One {@link LocalLabeler} is kept, so that
 * an item's neighbours are searched once however often it is trained.
 */
final class GoldSet {
    private final List<String> ids;
    private final Map<String, String> gold;
    private final LocalLabeler labeler;

    GoldSet(EmbeddingMatrix vectors, EmbeddingModel model, List<String> ids, Map<String, String> gold,
            List<String> labelSet, long seed) {
        this.ids = List.copyOf(ids);
        this.gold = gold;
        this.labeler = new LocalLabeler(vectors, model, labelSet, seed);
    }

    List<String> ids() {
        return ids;
    }

    int size() {
        return ids.size();
    }

    /** The labeler trained on the gold labels of {@code labeled}, as if the person had given them. */
    LabelingModel train(Collection<String> labeled) {
        return labeler.train(labeled.stream().map(id -> new HumanExample(id, gold.get(id))).toList());
    }

    /** Every item no one labeled, in dataset order. */
    List<String> rest(Collection<String> labeled) {
        Set<String> seen = new HashSet<>(labeled);
        return ids.stream().filter(id -> !seen.contains(id)).toList();
    }

    boolean right(Prediction prediction) {
        return !prediction.abstained() && prediction.label().equals(gold.get(prediction.itemId()));
    }

    /** The dataset labeled by people on {@code labeled} (counted right) and by {@code model} on the rest. */
    Score score(Collection<String> labeled, LabelingModel model) {
        List<Prediction> predictions = model.predict(rest(labeled));
        long right = predictions.stream().filter(this::right).count();
        int humans = size() - predictions.size();
        return new Score(humans, (humans + right) / (double) size(),
                predictions.isEmpty() ? 1.0 : right / (double) predictions.size());
    }

    /** Human labels used, true dataset accuracy (human labels right), true accuracy of the machine labels alone. */
    record Score(int humans, double dataset, double machine) {
    }
}
