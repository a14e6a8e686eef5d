package dev.solo.phases;

import dev.solo.human.HumanExample;
import dev.solo.label.FunctionLabel;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import dev.solo.metrics.RandomCheck;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Each fold model also labels a sample of the machine items. The estimator corrects machine
 * confidences by how far the checks found confidence off, so both must come from the same models:
 * a fold model, trained on fewer labels, is less sure than the model that made the stored machine
 * labels, and its right answers added to the stored confidences counted the same evidence twice (on
 * sst5_3class, machine labels estimated at 0.91 (0.87–0.94) where they were 0.85).
 */
final class CrossFittedChecks {
    static final int FOLDS = 5;
    /** Machine items each fold model labels: the mean confidence of 20,000 is within about 0.002. */
    static final int MACHINE_SAMPLE = 20_000;

    /** The checks, and the fold models' confidences on the same machine items, fold after fold. */
    record Evidence(List<RandomCheck> checks, double[] machineConfidences) {
    }

    private CrossFittedChecks() {
    }

    /**
     * {@code random}: the human labels the random pool chose, among {@code all} human labels;
     * {@code votes}: the labeling functions' votes, which take an item where they are more reliable
     * than the model (as the store decides a machine label); {@code machine}: a uniform sample of the
     * items without a human label.
     */
    static Evidence of(Labeler labeler, List<HumanExample> all, List<HumanExample> random,
                       Map<String, FunctionLabel> votes, List<String> machine, Random folds) {
        if (random.isEmpty()) {
            return new Evidence(List.of(), new double[0]);
        }
        List<HumanExample> shuffled = new ArrayList<>(random);
        Collections.shuffle(shuffled, folds);
        int foldCount = Math.min(FOLDS, shuffled.size());
        List<RandomCheck> checks = new ArrayList<>();
        double[] confidences = new double[foldCount * machine.size()];
        int filled = 0;
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
            LabelingModel model = labeler.train(training);
            List<Prediction> predictions = model.predict(heldOut.stream().map(HumanExample::itemId).toList());
            for (int i = 0; i < heldOut.size(); i++) {
                checks.add(check(heldOut.get(i), predictions.get(i), votes.get(heldOut.get(i).itemId())));
            }
            for (Prediction prediction : model.predict(machine)) {
                confidences[filled++] = machineConfidence(prediction, votes.get(prediction.itemId()));
            }
        }
        return new Evidence(checks, Arrays.copyOf(confidences, filled));
    }

    private static RandomCheck check(HumanExample truth, Prediction prediction, FunctionLabel vote) {
        if (takenByVote(prediction, vote)) {
            return new RandomCheck(vote.confidence(), vote.value().equals(truth.label()));
        }
        // An abstention is a wrong label given with no confidence.
        return new RandomCheck(prediction.confidence(), truth.label().equals(prediction.label()));
    }

    private static double machineConfidence(Prediction prediction, FunctionLabel vote) {
        return takenByVote(prediction, vote) ? vote.confidence() : prediction.abstained() ? 0 : prediction.confidence();
    }

    private static boolean takenByVote(Prediction prediction, FunctionLabel vote) {
        return vote != null && (prediction.abstained() || vote.confidence() > prediction.confidence());
    }
}
