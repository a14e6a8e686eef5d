package dev.solo.bench;

import dev.solo.labeler.Prediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fewest human labels escalation could have stopped at, had gold been visible: the labeler
 * trained on the labels solo had before confidence escalation labels every other item; those items,
 * least confident first, are escalated one by one (counted right), and the first count at which the
 * true dataset accuracy reaches {@code target} is the oracle stop. Labeling functions are left out:
 * only the model's labels are escalated or kept.
 */
final class OracleStop {
    private OracleStop() {
    }

    /** Human labels at the oracle stop: {@code before.size()} plus the escalations needed. */
    static int run(GoldSet data, List<String> before, double target) {
        List<Prediction> predictions = new ArrayList<>(data.train(before).predict(data.rest(before)));
        predictions.sort(Comparator.comparingDouble(Prediction::confidence).thenComparing(Prediction::itemId));
        long right = predictions.stream().filter(data::right).count();
        int humans = before.size();
        for (Prediction prediction : predictions) {
            if ((humans + right) / (double) data.size() >= target) {
                break;
            }
            humans++;
            right -= data.right(prediction) ? 1 : 0;
        }
        return humans;
    }
}
