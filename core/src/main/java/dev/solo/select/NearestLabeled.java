package dev.solo.select;

import dev.solo.embed.EmbeddingMatrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The human-labeled items nearest to an item in embedding space, with their labels: what the
 * person sees beside a disagreement, and the neighbours' vote among the sources that disagree.
 * A brute-force search over the labeled rows, which number in the hundreds or thousands.
 */
public final class NearestLabeled {

    /** A labeled item near another, by cosine similarity. */
    public record Neighbour(String itemId, String label, double similarity) {
    }

    private final EmbeddingMatrix vectors;
    private final int[] rows;
    private final String[] labels;

    /** {@code humanLabels}: item id → label; items without a vector are left out. */
    public NearestLabeled(EmbeddingMatrix vectors, Map<String, String> humanLabels) {
        this.vectors = vectors;
        List<Integer> kept = new ArrayList<>();
        List<String> keptLabels = new ArrayList<>();
        // Sorted by id, so that ties in similarity break the same way on every run.
        new TreeMap<>(humanLabels).forEach((itemId, label) -> {
            OptionalInt row = vectors.row(itemId);
            if (row.isPresent()) {
                kept.add(row.getAsInt());
                keptLabels.add(label);
            }
        });
        this.rows = kept.stream().mapToInt(Integer::intValue).toArray();
        this.labels = keptLabels.toArray(String[]::new);
    }

    public int labeledCount() {
        return rows.length;
    }

    /** The {@code k} labeled items most similar to {@code itemId}, most similar first; never the item itself. */
    public List<Neighbour> of(String itemId, int k) {
        OptionalInt query = vectors.row(itemId);
        if (query.isEmpty() || k <= 0) {
            return List.of();
        }
        int self = query.getAsInt();
        List<Neighbour> nearest = new ArrayList<>(k + 1);
        Comparator<Neighbour> bySimilarity = Comparator.comparingDouble(Neighbour::similarity).reversed();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == self) {
                continue;
            }
            double similarity = vectors.similarity(self, rows[i]);
            if (nearest.size() < k || similarity > nearest.get(nearest.size() - 1).similarity()) {
                int at = 0;
                while (at < nearest.size() && nearest.get(at).similarity() >= similarity) {
                    at++;
                }
                nearest.add(at, new Neighbour(vectors.id(rows[i]), labels[i], similarity));
                if (nearest.size() > k) {
                    nearest.remove(k);
                }
            }
        }
        nearest.sort(bySimilarity);
        return nearest;
    }

    /**
     * The label most of the neighbours carry; a tie goes to the label of the nearest among the
     * tied. Empty without neighbours.
     */
    public static Optional<String> majority(List<Neighbour> neighbours) {
        Map<String, Integer> counts = new HashMap<>();
        neighbours.forEach(near -> counts.merge(near.label(), 1, Integer::sum));
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return neighbours.stream().map(Neighbour::label).filter(label -> counts.get(label) == most).findFirst();
    }
}
