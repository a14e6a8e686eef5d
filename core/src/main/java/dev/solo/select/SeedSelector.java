package dev.solo.select;

import dev.solo.select.QueueEntry;
import dev.solo.dataset.SelectableItem;
import java.util.List;
import java.util.Random;

/** Chooses, in order, the items a person labels first. */
public interface SeedSelector {

    /**
     * Returns up to {@code count} distinct items in the order they should be shown. The same
     * items and the same random state give the same answer.
     */
    List<QueueEntry> select(List<SelectableItem> items, int count, Random random);
}
