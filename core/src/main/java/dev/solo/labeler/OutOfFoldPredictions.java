package dev.solo.labeler;

import dev.solo.human.HumanExample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Predictions for human-labeled items made by models that never saw those items' labels:
 * k-fold cross-validation over the examples, the folds stratified by label. This is how the
 * model is compared with the person when every human label is also training data.
 */
public final class OutOfFoldPredictions {
    private OutOfFoldPredictions() {
    }

    /** Predictions in the examples' order; {@code folds} is lowered to the number of examples. */
    public static List<Prediction> of(Labeler labeler, List<HumanExample> examples, int folds, Random random) {
        int[] foldOf = Folds.stratified(examples.stream().map(HumanExample::label).toList(),
                Math.min(folds, examples.size()), random);
        Map<String, Prediction> byItem = new HashMap<>();
        for (int fold = 0; fold < Math.min(folds, examples.size()); fold++) {
            List<HumanExample> training = new ArrayList<>();
            List<String> heldOut = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (foldOf[i] == fold) {
                    heldOut.add(examples.get(i).itemId());
                } else {
                    training.add(examples.get(i));
                }
            }
            if (heldOut.isEmpty() || training.isEmpty()) {
                continue;
            }
            labeler.train(training).predict(heldOut).forEach(prediction -> byItem.put(prediction.itemId(), prediction));
        }
        return examples.stream().map(example -> byItem.get(example.itemId())).filter(p -> p != null).toList();
    }
}
