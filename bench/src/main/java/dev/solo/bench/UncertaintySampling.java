package dev.solo.bench;

import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Uncertainty sampling alone: from the given seed labels, the labeler is trained, the {@code batch}
 * items it is least confident of are labeled from gold, and again, until {@code budget} labels are in
 * (the last batch is cut to fit). Scored like {@link RandomBaseline}; on the way, the first label count
 * (at a batch's end) at which the true dataset accuracy reached {@code target}, or -1 if it did not.
 */
final class UncertaintySampling {
    private UncertaintySampling() {
    }

    record Result(GoldSet.Score score, int reachedTargetAt) {
    }

    static Result run(GoldSet data, List<String> seeds, int budget, int batch, double target) {
        List<String> labeled = new ArrayList<>(seeds);
        LabelingModel model = data.train(labeled);
        int reachedAt = -1;
        while (labeled.size() < budget) {
            List<Prediction> predictions = new ArrayList<>(model.predict(data.rest(labeled)));
            if (predictions.isEmpty()) {
                break;
            }
            long right = predictions.stream().filter(data::right).count();
            if (reachedAt < 0 && (labeled.size() + right) / (double) data.size() >= target) {
                reachedAt = labeled.size();
            }
            predictions.sort(Comparator.comparingDouble(Prediction::confidence).thenComparing(Prediction::itemId));
            int take = Math.min(batch, budget - labeled.size());
            predictions.subList(0, Math.min(take, predictions.size())).forEach(p -> labeled.add(p.itemId()));
            model = data.train(labeled);
        }
        GoldSet.Score score = data.score(labeled, model);
        return new Result(score, reachedAt < 0 && score.dataset() >= target ? labeled.size() : reachedAt);
    }
}
