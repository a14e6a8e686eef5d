package dev.solo.select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

/**
 * Edge cases without text generation: real unlabeled items closest to the boundary of each
 * confusion pair, that is, whose two most probable labels are the pair's, with the smallest gap
 * between them. {@code count} items are shared among the pairs in proportion to their errors
 * (largest remainder), and within that a maximal-marginal-relevance choice trades closeness to the
 * boundary against similarity to the items already chosen, by {@code diversity_weight}.
 */
public final class BoundaryMining {
    public static final String POOL = "edge_case";
    /** The closest candidates of a pair considered for the diversity trade-off. */
    public static final int SHORTLIST = 400;

    /** Two labels the model confuses, and how many errors the latest analysis found between them. */
    public record Pair(String first, String second, int errors) {
        boolean bounds(Candidate candidate) {
            return (candidate.top().equals(first) && candidate.runnerUp().equals(second))
                    || (candidate.top().equals(second) && candidate.runnerUp().equals(first));
        }

        public String describe() {
            return first + " vs " + second;
        }
    }

    /** An item without a human label: the model's two most probable labels, the gap between them, its confidence. */
    public record Candidate(String itemId, String top, String runnerUp, double margin, double confidence) {
    }

    private BoundaryMining() {
    }

    /**
     * {@code similarity}: cosine similarity of two items' vectors. A pair with fewer candidates than
     * its share passes the rest on to the others.
     */
    public static List<QueueEntry> choose(List<Candidate> candidates, List<Pair> pairs, int count, double diversityWeight,
                                          ToDoubleBiFunction<String, String> similarity) {
        List<List<Candidate>> shortlists = pairs.stream().map(pair -> candidates.stream()
                .filter(pair::bounds)
                .sorted(Comparator.comparingDouble(Candidate::margin).thenComparing(Candidate::itemId))
                .limit(SHORTLIST)
                .toList()).toList();
        Selection selection = new Selection(diversityWeight, similarity);
        int[] quotas = quotas(pairs, count);
        for (int p = 0; p < pairs.size(); p++) {
            for (int k = 0; k < quotas[p] && selection.pick(pairs.get(p), shortlists.get(p)); k++) {
                // picked one
            }
        }
        boolean progress = true;
        while (selection.entries.size() < count && progress) {
            progress = false;
            for (int p = 0; p < pairs.size() && selection.entries.size() < count; p++) {
                progress |= selection.pick(pairs.get(p), shortlists.get(p));
            }
        }
        return List.copyOf(selection.entries);
    }

    /** The items chosen so far, and the next choice: close to the boundary, unlike those already chosen. */
    private static final class Selection {
        private final double diversityWeight;
        private final ToDoubleBiFunction<String, String> similarity;
        private final List<String> chosen = new ArrayList<>();
        private final Set<String> taken = new HashSet<>();
        private final List<QueueEntry> entries = new ArrayList<>();

        Selection(double diversityWeight, ToDoubleBiFunction<String, String> similarity) {
            this.diversityWeight = diversityWeight;
            this.similarity = similarity;
        }

        /** Picks the pair's best remaining candidate; false when none is left. */
        boolean pick(Pair pair, List<Candidate> shortlist) {
            Candidate best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Candidate candidate : shortlist) {
                if (taken.contains(candidate.itemId())) {
                    continue;
                }
                double nearest = 0;
                for (String already : chosen) {
                    nearest = Math.max(nearest, similarity.applyAsDouble(candidate.itemId(), already));
                }
                double score = (1 - diversityWeight) * (1 - candidate.margin()) - diversityWeight * nearest;
                if (score > bestScore) {
                    bestScore = score;
                    best = candidate;
                }
            }
            if (best == null) {
                return false;
            }
            chosen.add(best.itemId());
            taken.add(best.itemId());
            entries.add(new QueueEntry(best.itemId(), POOL, String.format(Locale.ROOT, "%s, margin %.2f",
                    pair.describe(), best.margin())).withMachineLabel(best.top(), best.confidence()));
            return true;
        }
    }

    /** {@code count} shared in proportion to the pairs' errors, by largest remainder; equal shares without errors. */
    public static int[] quotas(List<Pair> pairs, int count) {
        int[] quotas = new int[pairs.size()];
        if (pairs.isEmpty()) {
            return quotas;
        }
        double total = pairs.stream().mapToInt(pair -> Math.max(pair.errors(), 0)).sum();
        double[] exact = new double[pairs.size()];
        int given = 0;
        for (int p = 0; p < pairs.size(); p++) {
            exact[p] = total == 0 ? (double) count / pairs.size() : count * Math.max(pairs.get(p).errors(), 0) / total;
            quotas[p] = (int) Math.floor(exact[p]);
            given += quotas[p];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            byRemainder.add(p);
        }
        byRemainder.sort(Comparator.comparingDouble((Integer p) -> quotas[p] - exact[p]).thenComparing(p -> p));
        for (int i = 0; given < count; i = (i + 1) % pairs.size()) {
            quotas[byRemainder.get(i)]++;
            given++;
        }
        return quotas;
    }
}
