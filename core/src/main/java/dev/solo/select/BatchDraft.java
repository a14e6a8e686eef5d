package dev.solo.select;

import dev.solo.embed.EmbeddingMatrix;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The batch while its pools fill it: which candidates are in, which pool took each, and the rule
 * that keeps an item out when it is already in or nearly repeats one that is.
 */
final class BatchDraft {
    /** Cosine similarity at which two texts read as the same item to the person (quantization error is < 0.001). */
    static final double NEAR_DUPLICATE = 0.95;

    private final List<ActiveCandidate> candidates;
    private final EmbeddingMatrix vectors;
    private final int[] rows;
    private final Set<String> chosenIds = new HashSet<>();
    private final List<Integer> chosenRows = new ArrayList<>();
    private final Map<ActivePool, List<QueueEntry>> byPool = new EnumMap<>(ActivePool.class);

    /** {@code rows[i]} is candidate i's row in {@code vectors}, or -1 (no vector, no near-duplicate check). */
    BatchDraft(List<ActiveCandidate> candidates, EmbeddingMatrix vectors, int[] rows) {
        this.candidates = candidates;
        this.vectors = vectors;
        this.rows = rows;
        for (ActivePool pool : ActivePool.values()) {
            byPool.put(pool, new ArrayList<>());
        }
    }

    boolean isChosen(int candidate) {
        return chosenIds.contains(candidates.get(candidate).itemId());
    }

    boolean accepts(int candidate) {
        if (isChosen(candidate)) {
            return false;
        }
        int row = rows[candidate];
        if (row < 0) {
            return true;
        }
        for (int chosen : chosenRows) {
            if (vectors.similarity(row, chosen) >= NEAR_DUPLICATE) {
                return false;
            }
        }
        return true;
    }

    void add(int candidate, ActivePool pool, String detail) {
        ActiveCandidate item = candidates.get(candidate);
        chosenIds.add(item.itemId());
        if (rows[candidate] >= 0) {
            chosenRows.add(rows[candidate]);
        }
        byPool.get(pool).add(new QueueEntry(item.itemId(), pool.screenName(), detail));
    }

    int count(ActivePool pool) {
        return byPool.get(pool).size();
    }

    /** Embedding rows of the chosen items, in the order they were chosen. */
    List<Integer> chosenRows() {
        return chosenRows;
    }

    /**
     * The batch, one item of each pool in turn (in {@link ActivePool} order), so the person does not
     * meet every random item at the end.
     */
    List<QueueEntry> interleaved() {
        List<QueueEntry> queue = new ArrayList<>(chosenIds.size());
        for (int depth = 0; queue.size() < chosenIds.size(); depth++) {
            for (List<QueueEntry> entries : byPool.values()) {
                if (depth < entries.size()) {
                    queue.add(entries.get(depth));
                }
            }
        }
        return queue;
    }
}
