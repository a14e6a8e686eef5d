package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.human.HumanExample;
import dev.solo.labeler.Prediction;
import dev.solo.metrics.ClassificationScore;
import dev.solo.metrics.Estimate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The human labels prompt variants are scored on, and the scoring: the metric (f1_macro or
 * accuracy) over a variant's labels for them, with a bootstrap interval. The evaluation labels are
 * the randomly drawn ones when there are at least {@link #FEWEST_RANDOM} (labels chosen because the
 * model was unsure would favour whatever does well on hard items, not on the dataset), else every
 * human label; at most {@code most} of them, in a seeded random order.
 */
final class VariantEvaluation {
    static final int FEWEST_RANDOM = 30;

    /** A variant's score, the labels it gave (label indices, in evaluation order), and what scoring it cost. */
    record Scored(Estimate estimate, int[] predicted, long calls, double costUsd) {
    }

    private final SoloConfig config;
    private final List<HumanExample> all;
    private final List<HumanExample> evaluated;
    private final int[] truth;
    private final long seed;

    VariantEvaluation(SoloConfig config, List<HumanExample> all, List<HumanExample> random, int most, long seed) {
        this.config = config;
        this.all = List.copyOf(all);
        List<HumanExample> evaluation = new ArrayList<>(random.size() >= FEWEST_RANDOM ? random : all);
        Collections.shuffle(evaluation, new Random(seed));
        this.evaluated = List.copyOf(evaluation.subList(0, Math.min(most, evaluation.size())));
        this.truth = evaluated.stream().mapToInt(example -> config.scheme().labels().indexOf(example.label())).toArray();
        this.seed = seed;
    }

    /** Every human label: what a variant may learn from (never for the item it labels). */
    List<HumanExample> all() {
        return all;
    }

    List<HumanExample> evaluated() {
        return evaluated;
    }

    /** "120 random labels", or "955 human labels" when too few were random. */
    String basis() {
        return evaluated.size() + (evaluated.size() < all.size() ? " random labels" : " human labels");
    }

    /** The label index a prediction gives; an abstention counts as a wrong label. */
    int indexOf(int position, Prediction prediction) {
        List<String> labels = config.scheme().labels();
        return prediction.abstained() ? (truth[position] + 1) % labels.size() : labels.indexOf(prediction.label());
    }

    Scored score(int[] predicted, String basis, long calls, double costUsd) {
        return new Scored(ClassificationScore.of(metric(), truth, predicted, config.scheme().labels().size(), basis,
                new Random(seed + 1)), predicted, calls, costUsd);
    }

    /** The share of paired bootstrap resamples in which {@code challenger} scores above {@code incumbent}. */
    double shareBetter(Scored challenger, Scored incumbent) {
        return ClassificationScore.shareBetter(metric(), truth, challenger.predicted(), incumbent.predicted(),
                config.scheme().labels().size(), new Random(seed + 2));
    }

    String metricName() {
        return metric().name().toLowerCase(java.util.Locale.ROOT);
    }

    private PhasesConfig.Metric metric() {
        return config.solo().phases().promptOptimization().metric();
    }
}
