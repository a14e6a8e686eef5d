package dev.solo.lf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions applied to items: for each item, the functions (by index in {@link #functions()})
 * that fire on it. Held sparsely, since most functions abstain on most items.
 */
public final class VoteMatrix {
    private static final int[] NONE = new int[0];

    private final List<LabelingFunction> functions;
    private final Map<String, int[]> firingByItem;

    private VoteMatrix(List<LabelingFunction> functions, Map<String, int[]> firingByItem) {
        this.functions = functions;
        this.firingByItem = firingByItem;
    }

    /** An item to apply the functions to; {@code vector} may be null when no function needs it. */
    public record Input(String itemId, String text, float[] vector) {
    }

    /** Applies every function to every item, in the items' order. */
    public static VoteMatrix apply(List<LabelingFunction> functions, Iterable<Input> items) {
        List<LabelingFunction> copy = List.copyOf(functions);
        Map<String, int[]> firing = new LinkedHashMap<>();
        List<Integer> fired = new ArrayList<>();
        for (Input item : items) {
            fired.clear();
            for (int f = 0; f < copy.size(); f++) {
                if (copy.get(f).fires(item.text(), item.vector())) {
                    fired.add(f);
                }
            }
            firing.put(item.itemId(), fired.isEmpty() ? NONE : fired.stream().mapToInt(Integer::intValue).toArray());
        }
        return new VoteMatrix(copy, firing);
    }

    public List<LabelingFunction> functions() {
        return functions;
    }

    /** The items, in the order they were applied to. */
    public Iterable<String> items() {
        return firingByItem.keySet();
    }

    public int itemCount() {
        return firingByItem.size();
    }

    /** Indices of the functions firing on the item; empty for an item not applied to or voted on by none. */
    public int[] firing(String itemId) {
        return firingByItem.getOrDefault(itemId, NONE).clone();
    }
}
