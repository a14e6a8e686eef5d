package dev.solo.select;

import dev.solo.metrics.ConfusionReport;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The rules of the pools whose order is known before the batch is drawn (novelty depends on the
 * batch itself, see {@link NoveltyRanking}). Ties fall to the item id, so an ordering depends on
 * the candidates alone, never on the order they came in.
 */
final class PoolRules {
    private final List<ActiveCandidate> sample;
    private final List<String> labels;

    PoolRules(List<ActiveCandidate> sample, List<String> labels) {
        this.sample = sample;
        this.labels = labels;
    }

    /** Confidence below the threshold, least confident first. */
    PoolRanking uncertain(double threshold) {
        return ranked(i -> sample.get(i).confidence() < threshold,
                Comparator.comparingDouble(ActiveCandidate::confidence),
                c -> "confidence " + twoDecimals(c.confidence()) + ", below " + twoDecimals(threshold));
    }

    /**
     * The labeling functions' vote differs from the model's label; the surest vote first, then the
     * surest model, since two confident sources that disagree say the most about each other.
     */
    PoolRanking disagreement() {
        return ranked(i -> sample.get(i).functionsDisagree(),
                Comparator.comparingDouble(ActiveCandidate::functionConfidence).reversed()
                        .thenComparing(Comparator.comparingDouble(ActiveCandidate::confidence).reversed()),
                c -> "model " + c.label() + " " + twoDecimals(c.confidence()) + ", labeling functions "
                        + c.functionVote() + " " + twoDecimals(c.functionConfidence()));
    }

    /** Every candidate, the smallest gap between the two most probable labels first. */
    PoolRanking boundary() {
        return ranked(i -> true, Comparator.comparingDouble(ActiveCandidate::margin), c -> {
            String runnerUp = c.runnerUp(labels);
            return "margin " + twoDecimals(c.margin())
                    + (runnerUp == null ? "" : " between " + c.label() + " and " + runnerUp);
        });
    }

    /**
     * The model predicts a pair's model side and the pair's human side is its runner-up: the
     * mistake people have already caught it making. The more probable that human side, the sooner.
     */
    PoolRanking errorPattern(List<ConfusionReport.Pair> pairs) {
        Map<String, ConfusionReport.Pair> byModelAndHuman = new HashMap<>();
        for (ConfusionReport.Pair pair : pairs) {
            byModelAndHuman.merge(pair.model() + "\n" + pair.human(), pair,
                    (kept, other) -> kept.count() >= other.count() ? kept : other);
        }
        String[] runnersUp = sample.stream().map(c -> c.runnerUp(labels)).toArray(String[]::new);
        IntPredicate matches = i -> runnersUp[i] != null
                && byModelAndHuman.containsKey(sample.get(i).label() + "\n" + runnersUp[i]);
        double[] humanSide = new double[sample.size()];
        for (int i = 0; i < humanSide.length; i++) {
            humanSide[i] = runnersUp[i] == null ? 0 : sample.get(i).probability(labels, runnersUp[i]);
        }
        int[] order = IntStream.range(0, sample.size()).filter(matches).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> humanSide[i]).reversed()
                        .thenComparing(i -> sample.get(i).itemId()))
                .mapToInt(Integer::intValue).toArray();
        return new RankedCandidates(order, i -> {
            ConfusionReport.Pair pair = byModelAndHuman.get(sample.get(i).label() + "\n" + runnersUp[i]);
            return "predicted " + pair.model() + "; people often say " + pair.human() + " here (pair seen "
                    + pair.count() + " times)";
        });
    }

    /** A uniform shuffle of every candidate. */
    PoolRanking random(Random random) {
        return new RankedCandidates(RandomSeedSelector.partialShuffle(sample.size(), sample.size(), random),
                i -> "drawn at random");
    }

    private PoolRanking ranked(IntPredicate eligible, Comparator<ActiveCandidate> preference,
                               Function<ActiveCandidate, String> detail) {
        Comparator<ActiveCandidate> total = preference.thenComparing(ActiveCandidate::itemId);
        int[] order = IntStream.range(0, sample.size()).filter(eligible).boxed()
                .sorted((a, b) -> total.compare(sample.get(a), sample.get(b)))
                .mapToInt(Integer::intValue).toArray();
        return new RankedCandidates(order, i -> detail.apply(sample.get(i)));
    }

    static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
