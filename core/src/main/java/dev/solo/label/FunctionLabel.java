package dev.solo.label;

import dev.solo.workflow.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The labeling functions' combined vote on an item: the label, its estimated precision as the
 * confidence, and every enabled function that fires on the item, whichever label it voted.
 */
public record FunctionLabel(String itemId, String schemaName, String value, double confidence, List<String> functions,
                            Phase phase, int round, int setupVersion, Instant createdAt) {
    public FunctionLabel {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(value, "value");
        functions = List.copyOf(functions);
    }
}
