package dev.solo.human;

import dev.solo.dataset.Item;
import dev.solo.workflow.Phase;
import java.util.List;
import java.util.Objects;

/**
 * Everything a person needs to answer for one item, and to see where the work stands.
 *
 * @param done        labels given so far toward {@code target} in this phase (or batch)
 * @param batch       the batch within the phase, 0 when the phase has no batches
 * @param batchCount  the most batches the phase may run, 0 when it has none
 * @param reason      why this item was chosen ("random sample", "uncertain pool ...")
 * @param message     a one-line notice for the person (the last action's result), may be empty
 */
public record LabelRequest(String taskName, Phase phase, int batch, int batchCount, int done, int target,
                           long humanLabelsTotal, Item item, String schemaName, String schemaDescription,
                           List<String> labels, String reason, String message) {
    public LabelRequest {
        Objects.requireNonNull(item, "item");
        labels = List.copyOf(labels);
        reason = Objects.requireNonNullElse(reason, "");
        message = Objects.requireNonNullElse(message, "");
        schemaDescription = Objects.requireNonNullElse(schemaDescription, "");
    }
}
