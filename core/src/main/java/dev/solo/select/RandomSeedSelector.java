package dev.solo.select;

import dev.solo.select.QueueEntry;
import dev.solo.dataset.SelectableItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A uniform random sample, without replacement. */
public final class RandomSeedSelector implements SeedSelector {

    @Override
    public List<QueueEntry> select(List<SelectableItem> items, int count, Random random) {
        int[] order = partialShuffle(items.size(), Math.min(count, items.size()), random);
        List<QueueEntry> chosen = new ArrayList<>(order.length);
        for (int index : order) {
            chosen.add(new QueueEntry(items.get(index).id(), "random", ""));
        }
        return chosen;
    }

    /** The first {@code count} positions of a Fisher-Yates shuffle of {@code 0..size-1}. */
    public static int[] partialShuffle(int size, int count, Random random) {
        int[] positions = new int[size];
        for (int i = 0; i < size; i++) {
            positions[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
        }
        int[] chosen = new int[count];
        System.arraycopy(positions, 0, chosen, 0, count);
        return chosen;
    }
}
