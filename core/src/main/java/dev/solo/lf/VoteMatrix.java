package dev.solo.lf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The functions applied to items: for each item, the functions (by index in {@link #functions()})
 * that fire on it. Held sparsely, since most functions abstain on most items.
 */
public final class VoteMatrix {
    private static final int[] NONE = new int[0];

    private final List<LabelingFunction> functions;
    private final Map<String, int[]> firingByItem;
    private final Map<Integer, String> failures;
    private final List<List<String>> coveredByFunction;

    private VoteMatrix(List<LabelingFunction> functions, Map<String, int[]> firingByItem, Map<Integer, String> failures) {
        this.functions = functions;
        this.firingByItem = firingByItem;
        this.failures = failures;
        this.coveredByFunction = new ArrayList<>();
        functions.forEach(function -> coveredByFunction.add(new ArrayList<>()));
        firingByItem.forEach((item, votes) -> Arrays.stream(votes).forEach(f -> coveredByFunction.get(f).add(item)));
    }

    /** An item to apply the functions to; {@code vector} may be null when no function needs it. */
    public record Input(String itemId, String text, float[] vector) {
    }

    /**
     * Applies every function to every item, in the items' order. A function that fails on an item
     * (a regular expression that overflows the stack, say) abstains from then on and is named in
     * {@link #failures()}; the others go on.
     */
    public static VoteMatrix apply(List<LabelingFunction> functions, Iterable<Input> items) {
        return applyStreamed(functions, items::forEach);
    }

    /** As {@link #apply}, over items streamed to it one at a time (a million texts need not be held at once). */
    public static VoteMatrix applyStreamed(List<LabelingFunction> functions, Consumer<Consumer<Input>> items) {
        List<LabelingFunction> copy = List.copyOf(functions);
        Map<String, int[]> firing = new LinkedHashMap<>();
        Map<Integer, String> failures = new LinkedHashMap<>();
        List<Integer> fired = new ArrayList<>();
        items.accept(item -> {
            fired.clear();
            for (int f = 0; f < copy.size(); f++) {
                if (failures.containsKey(f)) {
                    continue;
                }
                try {
                    if (copy.get(f).fires(item.text(), item.vector())) {
                        fired.add(f);
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    failures.put(f, "failed on item " + item.itemId()
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
                }
            }
            firing.put(item.itemId(), fired.isEmpty() ? NONE : fired.stream().mapToInt(Integer::intValue).toArray());
        });
        if (!failures.isEmpty()) {
            // Its earlier votes are withdrawn too: a failed function is switched off, not half on.
            firing.replaceAll((item, votes) -> Arrays.stream(votes).filter(f -> !failures.containsKey(f)).toArray());
        }
        return new VoteMatrix(copy, firing, failures);
    }

    /** Functions that failed and were switched off: index to what happened. */
    public Map<Integer, String> failures() {
        return Map.copyOf(failures);
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

    /** The items the function fires on, in the items' order. */
    public List<String> covered(int function) {
        return Collections.unmodifiableList(coveredByFunction.get(function));
    }

    /** Indices of the functions firing on the item; empty for an item not applied to or voted on by none. */
    public int[] firing(String itemId) {
        return firingByItem.getOrDefault(itemId, NONE).clone();
    }
}
