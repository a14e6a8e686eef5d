package dev.solo.select;

import dev.solo.select.QueueEntry;
import dev.solo.dataset.SelectableItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A random sample spread over strata in proportion to their sizes (largest remainder), shown
 * round-robin so that any prefix of the queue is balanced too. Strata are the values of
 * {@code stratify_by} when it is set, else five text-length bands (quintiles), so that short and
 * long texts are both seen.
 */
public final class StratifiedSeedSelector implements SeedSelector {
    static final int LENGTH_BANDS = 5;

    @Override
    public List<QueueEntry> select(List<SelectableItem> items, int count, Random random) {
        Map<String, List<SelectableItem>> strata = strata(items);
        int total = Math.min(count, items.size());
        Map<String, Integer> quota = quotas(strata, total, items.size());
        Map<String, List<SelectableItem>> picks = new LinkedHashMap<>();
        for (Map.Entry<String, List<SelectableItem>> stratum : strata.entrySet()) {
            List<SelectableItem> members = stratum.getValue();
            int[] order = RandomSeedSelector.partialShuffle(members.size(), quota.get(stratum.getKey()), random);
            List<SelectableItem> picked = new ArrayList<>();
            for (int index : order) {
                picked.add(members.get(index));
            }
            picks.put(stratum.getKey(), picked);
        }
        List<QueueEntry> queue = new ArrayList<>(total);
        for (int round = 0; queue.size() < total; round++) {
            for (Map.Entry<String, List<SelectableItem>> picked : picks.entrySet()) {
                if (round < picked.getValue().size()) {
                    queue.add(new QueueEntry(picked.getValue().get(round).id(), "stratified", picked.getKey()));
                }
            }
        }
        return queue;
    }

    private static Map<String, List<SelectableItem>> strata(List<SelectableItem> items) {
        Map<String, List<SelectableItem>> strata = new LinkedHashMap<>();
        boolean byField = items.stream().anyMatch(item -> item.stratum() != null);
        int[] bounds = byField ? null : lengthBounds(items);
        for (SelectableItem item : items) {
            String name = byField ? "stratum " + item.stratum() : lengthBand(item.textLength(), bounds);
            strata.computeIfAbsent(name, key -> new ArrayList<>()).add(item);
        }
        return strata;
    }

    private static int[] lengthBounds(List<SelectableItem> items) {
        int[] lengths = items.stream().mapToInt(SelectableItem::textLength).sorted().toArray();
        int[] bounds = new int[LENGTH_BANDS - 1];
        for (int band = 1; band < LENGTH_BANDS; band++) {
            bounds[band - 1] = lengths.length == 0 ? 0 : lengths[band * lengths.length / LENGTH_BANDS];
        }
        return bounds;
    }

    private static String lengthBand(int length, int[] bounds) {
        int band = 0;
        while (band < bounds.length && length >= bounds[band]) {
            band++;
        }
        return "length band " + (band + 1) + "/" + LENGTH_BANDS;
    }

    private static Map<String, Integer> quotas(Map<String, List<SelectableItem>> strata, int total, int size) {
        Map<String, Integer> quota = new LinkedHashMap<>();
        Map<String, Double> remainder = new LinkedHashMap<>();
        int given = 0;
        for (Map.Entry<String, List<SelectableItem>> stratum : strata.entrySet()) {
            double exact = (double) total * stratum.getValue().size() / size;
            quota.put(stratum.getKey(), (int) Math.floor(exact));
            remainder.put(stratum.getKey(), exact - Math.floor(exact));
            given += (int) Math.floor(exact);
        }
        List<String> byRemainder = new ArrayList<>(remainder.keySet());
        byRemainder.sort(Comparator.comparingDouble((String name) -> remainder.get(name)).reversed());
        for (int i = 0; given < total; i = (i + 1) % byRemainder.size()) {
            String name = byRemainder.get(i);
            if (quota.get(name) < strata.get(name).size()) {
                quota.merge(name, 1, Integer::sum);
                given++;
            }
        }
        return quota;
    }
}
