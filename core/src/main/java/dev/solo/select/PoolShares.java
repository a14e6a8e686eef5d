package dev.solo.select;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many items of a batch each pool fills: shares by weight, whole items by largest remainder. */
final class PoolShares {
    // Shares such as 0.1 × 30 come out as 3.0000000000000004 in doubles; an item is never split that finely.
    private static final double ROUNDING = 1e-9;

    private PoolShares() {
    }

    /**
     * {@code count} items split in proportion to the weights, each pool its whole part and the rest
     * one each by largest fractional part (ties to the earlier pool). When no pool weighs anything,
     * everything goes to random.
     */
    static EnumMap<ActivePool, Integer> split(int count, Map<ActivePool, Double> weights) {
        EnumMap<ActivePool, Integer> counts = new EnumMap<>(ActivePool.class);
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum <= 0) {
            counts.put(ActivePool.RANDOM, count);
            return counts;
        }
        EnumMap<ActivePool, Double> remainders = new EnumMap<>(ActivePool.class);
        int assigned = 0;
        for (ActivePool pool : ActivePool.values()) {
            double weight = weights.getOrDefault(pool, 0.0);
            if (weight <= 0) {
                continue;
            }
            double share = count * weight / sum;
            int whole = (int) Math.floor(share + ROUNDING);
            counts.put(pool, whole);
            remainders.put(pool, share - whole);
            assigned += whole;
        }
        List<ActivePool> byRemainder = remainders.keySet().stream()
                .sorted(Comparator.comparingDouble((ActivePool pool) -> remainders.get(pool)).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (int i = 0; assigned < count; i++, assigned++) {
            counts.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Raises random's count to {@code minimum}, one item at a time from the largest other count
     * (ties: the earlier pool), so the total stays the same.
     */
    static void reserveRandom(EnumMap<ActivePool, Integer> counts, int minimum) {
        while (counts.getOrDefault(ActivePool.RANDOM, 0) < minimum) {
            ActivePool largest = counts.entrySet().stream()
                    .filter(count -> count.getKey() != ActivePool.RANDOM && count.getValue() > 0)
                    .max(Comparator.comparingInt((Map.Entry<ActivePool, Integer> count) -> count.getValue())
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(Map.Entry::getKey)
                    .orElse(null);
            if (largest == null) {
                return;
            }
            counts.merge(largest, -1, Integer::sum);
            counts.merge(ActivePool.RANDOM, 1, Integer::sum);
        }
    }

    /** At least {@code share} of the batch, rounded up, but never more than the batch holds. */
    static int minimumRandom(double share, int batchSize, int total) {
        return Math.min(total, (int) Math.ceil(share * batchSize - ROUNDING));
    }
}
