package dev.solo.phases;

import dev.solo.labeler.Prediction;
import dev.solo.lf.VoteMatrix;
import dev.solo.store.Predictions;

/**
 * What a candidate labeling function could change if it passed its audit: the items it covers where
 * the model abstained or voted another label with a confidence below
 * {@code min_precision}, so that a proven function's vote would take the item (as the store
 * resolves labels). Where a function agrees with the model it changes nothing the dataset carries;
 * an audit there costs human labels and fixes no error.
 *
 * <p>Counted on the model's predictions, which no audit answer changes, so a run resumed midway
 * through the audits decides exactly as an uninterrupted one.
 */
final class AuditPayoff {
    private final int[] changes;

    private AuditPayoff(int[] changes) {
        this.changes = changes;
    }

    /** Counts each candidate's changes over the model's labels, read once. */
    static AuditPayoff of(VoteMatrix matrix, Predictions predictions, String schemaName, double minPrecision) {
        int[] changes = new int[matrix.functions().size()];
        predictions.forEach(schemaName, label -> {
            Prediction prediction = label.prediction();
            if (!prediction.abstained() && prediction.confidence() >= minPrecision) {
                return;
            }
            for (int index : matrix.firing(label.itemId())) {
                if (prediction.abstained() || !matrix.functions().get(index).label().equals(prediction.label())) {
                    changes[index]++;
                }
            }
        });
        return new AuditPayoff(changes);
    }

    /** How many of the model's labels candidate {@code index} would replace with another label. */
    int changes(int index) {
        return changes[index];
    }
}
