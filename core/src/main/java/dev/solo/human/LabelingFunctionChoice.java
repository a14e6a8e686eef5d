package dev.solo.human;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which labeling functions the person keeps, and the rules they typed.
 *
 * @param enabled   names of the proposed functions to apply; the others are disabled
 * @param added     rules the person typed, in the order typed
 * @param decidedBy who chose: the person's name, or e.g. "oracle (keeps every proposed function)"
 * @param stopped   true when the person stopped without finishing (save and quit); the
 *                  choice then holds the state they left the screen in
 */
public record LabelingFunctionChoice(Set<String> enabled, List<TypedRule> added, String decidedBy, boolean stopped) {
    public LabelingFunctionChoice {
        enabled = Set.copyOf(enabled);
        added = List.copyOf(added);
        Objects.requireNonNull(decidedBy, "decidedBy");
    }
}
