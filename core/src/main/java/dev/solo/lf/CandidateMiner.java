package dev.solo.lf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proposes candidate functions from labeled texts: words and two-word phrases, and text-length
 * bands, whose texts mostly carry one label. The labels may be the model's (proposing from them is
 * fine, since every candidate must then prove itself on human labels); a candidate is kept when it
 * covers at least {@code minCoverage} of the texts and at least {@link #MIN_TEXTS} of them, and
 * at least {@code minShare} of its texts carry its label (no candidate that the labels it was
 * mined from already show below the precision asked for is worth an audit). Candidates come
 * ranked by how many texts they would label.
 */
public final class CandidateMiner {
    static final int MIN_TEXTS = 5;
    static final int LENGTH_BANDS = 10;

    /** A labeled text to mine from. */
    public record Example(String text, String label) {
    }

    private final double minCoverage;
    private final double minShare;

    public CandidateMiner(double minCoverage, double minShare) {
        this.minCoverage = minCoverage;
        this.minShare = minShare;
    }

    /** Keyword candidates, most texts first; a term's label is the one most of its texts carry. */
    public List<LabelingFunction> keywords(List<Example> examples) {
        Map<String, Map<String, Integer>> labelCounts = new HashMap<>();
        for (Example example : examples) {
            for (String term : Terms.all(example.text())) {
                labelCounts.computeIfAbsent(term, key -> new HashMap<>()).merge(example.label(), 1, Integer::sum);
            }
        }
        List<Ranked> ranked = new ArrayList<>();
        labelCounts.forEach((term, counts) -> best(counts, examples.size())
                .ifPresent(label -> ranked.add(new Ranked(new KeywordFunction(term, label),
                        counts.values().stream().mapToInt(Integer::intValue).sum()))));
        return ordered(ranked);
    }

    /** Length-band candidates over {@link #LENGTH_BANDS} bands of equal size by text length. */
    public List<LabelingFunction> lengthBands(List<Example> examples) {
        if (examples.size() < LENGTH_BANDS * MIN_TEXTS) {
            return List.of();
        }
        int[] lengths = examples.stream().mapToInt(example -> example.text().length()).sorted().toArray();
        List<Ranked> ranked = new ArrayList<>();
        int from = 0;
        for (int band = 1; band <= LENGTH_BANDS; band++) {
            int to = lengths[Math.min(lengths.length - 1, band * lengths.length / LENGTH_BANDS - 1)];
            int low = from;
            Map<String, Integer> counts = new HashMap<>();
            examples.stream().filter(example -> example.text().length() >= low && example.text().length() <= to)
                    .forEach(example -> counts.merge(example.label(), 1, Integer::sum));
            best(counts, examples.size()).ifPresent(label -> ranked.add(new Ranked(new LengthFunction(low, to, label),
                    counts.values().stream().mapToInt(Integer::intValue).sum())));
            from = to + 1;
        }
        return ordered(ranked);
    }

    private record Ranked(LabelingFunction function, int texts) {
    }

    /** The label most texts carry, when there are enough texts and it is the label of enough of them. */
    private Optional<String> best(Map<String, Integer> counts, int population) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total < MIN_TEXTS || (double) total / Math.max(1, population) < minCoverage) {
            return Optional.empty();
        }
        Map.Entry<String, Integer> top = counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.reverseOrder())))
                .orElseThrow();
        return (double) top.getValue() / total >= minShare ? Optional.of(top.getKey())
                : Optional.empty();
    }

    private static List<LabelingFunction> ordered(List<Ranked> ranked) {
        ranked.sort(Comparator.comparingInt(Ranked::texts).reversed().thenComparing(r -> r.function().name()));
        return ranked.stream().map(Ranked::function).toList();
    }
}
