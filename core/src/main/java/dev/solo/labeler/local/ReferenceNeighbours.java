package dev.solo.labeler.local;

import dev.solo.embed.EmbeddingMatrix;
import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * The items that predictions are smoothed over, and each item's nearest among them. The reference
 * is every item of the matrix, or {@link #SIZE} of them when there are more, drawn by a seeded
 * hash of their ids (the same items whatever order the vectors were loaded in). An item's
 * {@link #K} nearest reference items (by cosine, itself excluded) are searched once and kept, so a
 * model trained again on more labels reuses them. Safe for use from several threads.
 */
final class ReferenceNeighbours {
    /**
     * Bounds the one search that grows with the dataset: 4,096 dot products per item, 141 s for
     * 1,000,000 items on 2 cores (bench {@code cost}), once per labeler. Not smaller: smoothing over
     * every item of the benchmark datasets (2,210–5,871) gained more than over 2,000 sampled ones
     * (TREC questions, 200 labels: +1.0 against +0.6 accuracy points).
     */
    static final int SIZE = 4096;
    static final int K = 10;
    /** Rows searched per hold of the lock by {@link #searchEveryRow()}: about a second's work on 2 cores. */
    private static final int SEARCH_CHUNK = 8_192;

    private final EmbeddingMatrix vectors;
    private final long seed;
    private int[] rows;
    private int[] components;
    private float[] scales;
    private int dimension;
    /** {@link #K} reference indices per matrix row, best first, -1 past the last; null until searched. */
    private int[][] nearest;

    ReferenceNeighbours(EmbeddingMatrix vectors, long seed) {
        this.vectors = vectors;
        this.seed = seed;
    }

    /** How many reference items there are. */
    synchronized int size() {
        sample();
        return rows.length;
    }

    /** The matrix row of a reference item. */
    synchronized int row(int reference) {
        sample();
        return rows[reference];
    }

    /**
     * For each matrix row, the reference indices of its nearest reference items, best first: fewer
     * than {@link #K} only when the reference holds fewer other items. Rows not searched before are
     * searched now, on every core.
     */
    synchronized int[][] of(int[] queryRows) {
        sample();
        if (nearest.length < vectors.size()) {
            nearest = Arrays.copyOf(nearest, vectors.size());
        }
        BitSet unsearched = new BitSet();
        for (int row : queryRows) {
            if (nearest[row] == null) {
                unsearched.set(row);
            }
        }
        int[] missing = unsearched.stream().toArray();
        // Each row is searched on its own and written to its own slot: the result is the same on any number of threads.
        IntStream.range(0, missing.length).parallel().forEach(i -> nearest[missing[i]] = search(missing[i]));
        int[][] result = new int[queryRows.length][];
        for (int i = 0; i < queryRows.length; i++) {
            int[] found = nearest[queryRows[i]];
            int count = 0;
            while (count < found.length && found[count] >= 0) {
                count++;
            }
            result[i] = Arrays.copyOf(found, count);
        }
        return result;
    }

    /**
     * Searches every row not searched yet, a chunk at a time: another thread that needs a few rows
     * searched waits for one chunk, not for the whole dataset. Stops between chunks when the thread
     * is interrupted; what it searched is kept.
     */
    void searchEveryRow() {
        int count = vectors.size();
        for (int from = 0; from < count && !Thread.currentThread().isInterrupted(); from += SEARCH_CHUNK) {
            of(IntStream.range(from, Math.min(count, from + SEARCH_CHUNK)).toArray());
        }
    }

    private int[] search(int queryRow) {
        int[] query = vectors.components(queryRow);
        int[] best = new int[K];
        double[] similarities = new double[K];
        Arrays.fill(best, -1);
        int kept = 0;
        for (int j = 0; j < rows.length; j++) {
            if (rows[j] == queryRow) {
                continue;
            }
            int offset = j * dimension;
            int dot = 0;
            for (int d = 0; d < dimension; d++) {
                dot += query[d] * components[offset + d];
            }
            // The query's own scale is the same for every candidate, so it cannot change the order.
            double similarity = (double) dot * scales[j];
            if (kept == K && similarity <= similarities[K - 1]) {
                continue;
            }
            int at = Math.min(kept, K - 1);
            while (at > 0 && similarities[at - 1] < similarity) {
                similarities[at] = similarities[at - 1];
                best[at] = best[at - 1];
                at--;
            }
            similarities[at] = similarity;
            best[at] = j;
            kept = Math.min(kept + 1, K);
        }
        return best;
    }

    private void sample() {
        if (rows != null) {
            return;
        }
        int count = vectors.size();
        if (count <= SIZE) {
            rows = IntStream.range(0, count).toArray();
        } else {
            long[] keys = new long[count];
            for (int row = 0; row < count; row++) {
                keys[row] = hash(vectors.id(row));
            }
            long[] sorted = keys.clone();
            Arrays.sort(sorted);
            long threshold = sorted[SIZE - 1];
            int below = (int) Arrays.stream(keys).filter(key -> key < threshold).count();
            int[] tied = IntStream.range(0, count).filter(row -> keys[row] == threshold).limit(SIZE - below).toArray();
            rows = IntStream.concat(IntStream.range(0, count).filter(row -> keys[row] < threshold), IntStream.of(tied))
                    .sorted().toArray();
        }
        dimension = count == 0 ? 0 : vectors.components(0).length;
        components = new int[rows.length * dimension];
        scales = new float[rows.length];
        for (int j = 0; j < rows.length; j++) {
            System.arraycopy(vectors.components(rows[j]), 0, components, j * dimension, dimension);
            scales[j] = vectors.scale(rows[j]);
        }
        nearest = new int[count][];
    }

    /** FNV-1a over the id's characters, seeded, then the SplitMix64 finalizer to spread the bits. */
    private long hash(String id) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
