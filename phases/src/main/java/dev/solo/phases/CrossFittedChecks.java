package dev.solo.phases;

import dev.solo.human.HumanExample;
import dev.solo.label.FunctionLabel;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.Prediction;
import dev.solo.metrics.RandomCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The current model checked on the random human labels without having learned them: the random
 * items are split into folds, and each fold is labeled by a model trained on every other human
 * label. After the labeling setup changed (new guidelines, a new model), this measures the machine
 * as it is now, where the label each random item had when it was drawn measures an older one.
 */
final class CrossFittedChecks {
    static final int FOLDS = 5;

    private CrossFittedChecks() {
    }

    /**
     * {@code random}: the human labels the random pool chose, among {@code all} human labels;
     * {@code votes}: the labeling functions' votes, which take an item where they are more reliable
     * than the model (as the store decides a machine label).
     */
    static List<RandomCheck> of(Labeler labeler, List<HumanExample> all, List<HumanExample> random,
                                Map<String, FunctionLabel> votes, Random folds) {
        if (random.isEmpty()) {
            return List.of();
        }
        List<HumanExample> shuffled = new ArrayList<>(random);
        Collections.shuffle(shuffled, folds);
        int foldCount = Math.min(FOLDS, shuffled.size());
        List<RandomCheck> checks = new ArrayList<>();
        for (int fold = 0; fold < foldCount; fold++) {
            List<HumanExample> heldOut = new ArrayList<>();
            for (int i = fold; i < shuffled.size(); i += foldCount) {
                heldOut.add(shuffled.get(i));
            }
            Set<String> heldOutIds = new HashSet<>();
            heldOut.forEach(example -> heldOutIds.add(example.itemId()));
            List<HumanExample> training = all.stream().filter(example -> !heldOutIds.contains(example.itemId())).toList();
            if (training.isEmpty()) {
                continue;
            }
            List<Prediction> predictions = labeler.train(training)
                    .predict(heldOut.stream().map(HumanExample::itemId).toList());
            for (int i = 0; i < heldOut.size(); i++) {
                checks.add(check(heldOut.get(i), predictions.get(i), votes.get(heldOut.get(i).itemId())));
            }
        }
        return checks;
    }

    private static RandomCheck check(HumanExample truth, Prediction prediction, FunctionLabel vote) {
        if (vote != null && (prediction.abstained() || vote.confidence() > prediction.confidence())) {
            return new RandomCheck(vote.confidence(), vote.value().equals(truth.label()));
        }
        // An abstention is a wrong label given with no confidence.
        return new RandomCheck(prediction.confidence(), truth.label().equals(prediction.label()));
    }
}
