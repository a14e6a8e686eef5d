package dev.solo.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Exact cosine search over an {@link EmbeddingMatrix}: a scan of the candidate rows keeping the
 * best {@code k} in a small heap. At 1,000,000 rows of 384 int8 components a query scans 384 MB;
 * among the labeled items (thousands) it takes well under a millisecond.
 */
public final class NearestNeighbours {

    public record Neighbour(int row, String itemId, double similarity) {
    }

    private static final Comparator<Neighbour> WORST_FIRST =
            Comparator.comparingDouble(Neighbour::similarity).thenComparing(Neighbour::row, Comparator.reverseOrder());

    private final EmbeddingMatrix matrix;

    public NearestNeighbours(EmbeddingMatrix matrix) {
        this.matrix = matrix;
    }

    /** The {@code k} candidate rows most similar to {@code queryRow}, itself excluded, best first. */
    public List<Neighbour> nearest(int queryRow, int k, int[] candidateRows) {
        PriorityQueue<Neighbour> best = new PriorityQueue<>(WORST_FIRST);
        double worstKept = Double.NEGATIVE_INFINITY;
        for (int row : candidateRows) {
            if (row == queryRow) {
                continue;
            }
            double similarity = matrix.similarity(queryRow, row);
            if (best.size() == k && similarity < worstKept) {
                continue; // the common case at scale: no allocation
            }
            Neighbour candidate = new Neighbour(row, null, similarity);
            if (best.size() < k) {
                best.add(candidate);
            } else if (WORST_FIRST.compare(candidate, best.peek()) > 0) {
                best.poll();
                best.add(candidate);
            }
            worstKept = best.peek().similarity();
        }
        List<Neighbour> result = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            Neighbour neighbour = best.poll();
            result.add(0, new Neighbour(neighbour.row(), matrix.id(neighbour.row()), neighbour.similarity()));
        }
        return result;
    }

    /** Every row, for a search over the whole dataset. */
    public int[] allRows() {
        int[] rows = new int[matrix.size()];
        for (int row = 0; row < rows.length; row++) {
            rows[row] = row;
        }
        return rows;
    }
}
