package dev.solo.select;

import dev.solo.embed.EmbeddingMatrix;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The novel pool: greedy k-center. Each pick is the scanned candidate whose most similar labeled,
 * queued or already-chosen item is least similar; before each pick the items the batch took since
 * (from any pool) join the comparison, so novel picks are far from each other and from the rest
 * of the batch too.
 *
 * <p>The scan is a random {@link #SCAN_SIZE} of the scored candidates because its cost is
 * scanned × labeled dot products, and the labeled items grow with every batch: 2,000 × 5,000
 * labeled items of 384 int8 components is 10M dot products, about a second. A random 2,000 still
 * finds the emptiest regions of the embedding space; k-center needs no more.
 */
final class NoveltyRanking implements PoolRanking {
    static final int SCAN_SIZE = 2_000;

    private final EmbeddingMatrix vectors;
    private final int[] scan;
    private final int[] scanRows;
    private final double[] nearestLabeled;
    private final double[] nearestCovered;
    private final boolean[] refused;
    private final boolean anyLabeled;
    private int folded;

    /** {@code rows[i]} is candidate i's row in {@code vectors}, or -1: such candidates are never novel. */
    NoveltyRanking(EmbeddingMatrix vectors, int[] rows, Collection<String> labeledIds, Random random) {
        this.vectors = vectors;
        int[] withVectors = IntStream.range(0, rows.length).filter(i -> rows[i] >= 0).toArray();
        int[] positions = RandomSeedSelector.partialShuffle(withVectors.length,
                Math.min(SCAN_SIZE, withVectors.length), random);
        scan = new int[positions.length];
        scanRows = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            scan[i] = withVectors[positions[i]];
            scanRows[i] = rows[scan[i]];
        }
        int[] labeledRows = labeledIds.stream()
                .map(vectors::row)
                .filter(OptionalInt::isPresent)
                .mapToInt(OptionalInt::getAsInt)
                .toArray();
        anyLabeled = labeledRows.length > 0;
        nearestLabeled = new double[scan.length];
        for (int i = 0; i < scan.length; i++) {
            double nearest = Double.NEGATIVE_INFINITY;
            for (int labeled : labeledRows) {
                nearest = Math.max(nearest, vectors.similarity(scanRows[i], labeled));
            }
            nearestLabeled[i] = nearest;
        }
        nearestCovered = nearestLabeled.clone();
        refused = new boolean[scan.length];
    }

    @Override
    public Pick next(BatchDraft batch) {
        foldIn(batch);
        while (true) {
            int best = -1;
            for (int i = 0; i < scan.length; i++) {
                if (refused[i]) {
                    continue;
                }
                if (batch.isChosen(scan[i])) {
                    refused[i] = true;
                } else if (best < 0 || nearestCovered[i] < nearestCovered[best]) {
                    best = i;
                }
            }
            if (best < 0) {
                return null;
            }
            if (batch.accepts(scan[best])) {
                return new Pick(scan[best], anyLabeled
                        ? "similarity " + PoolRules.twoDecimals(nearestLabeled[best]) + " to the nearest labeled item"
                        : "no labeled item to compare with yet");
            }
            refused[best] = true;
        }
    }

    private void foldIn(BatchDraft batch) {
        List<Integer> chosenRows = batch.chosenRows();
        for (; folded < chosenRows.size(); folded++) {
            int chosen = chosenRows.get(folded);
            for (int i = 0; i < scan.length; i++) {
                nearestCovered[i] = Math.max(nearestCovered[i], vectors.similarity(scanRows[i], chosen));
            }
        }
    }
}
