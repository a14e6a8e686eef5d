package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.human.HumanExample;
import dev.solo.labeler.Prediction;
import dev.solo.labeler.local.LocalLabeler;
import dev.solo.labeler.local.LocalVariant;
import dev.solo.metrics.ClassificationScore;
import dev.solo.metrics.Estimate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A local labeler variant scored by cross-validation: the evaluation labels are split into folds,
 * each predicted by the variant trained on every other human label, and the metric (f1_macro or
 * accuracy) is taken over the out-of-fold predictions with a bootstrap interval. The evaluation
 * labels are the randomly drawn ones when there are at least {@link #FEWEST_RANDOM} (labels chosen
 * because the model was unsure would favour whatever does well on hard items, not on the dataset),
 * else every human label. Only the labeled items need the variant's vectors.
 */
final class VariantScoring {
    static final int FOLDS = 5;
    static final int FEWEST_RANDOM = 30;

    /** A variant's score and the out-of-fold predictions it rests on (label indices, in evaluation order). */
    record Scored(Estimate estimate, int[] predicted) {
    }

    private final SoloConfig config;
    private final Models models;
    private final List<HumanExample> all;
    private final List<HumanExample> evaluated;
    private final long seed;
    private final int[] truth;

    VariantScoring(SoloConfig config, Models models, List<HumanExample> all, List<HumanExample> random, long seed) {
        this.config = config;
        this.models = models;
        this.all = List.copyOf(all);
        List<HumanExample> evaluation = new ArrayList<>(random.size() >= FEWEST_RANDOM ? random : all);
        Collections.shuffle(evaluation, new Random(seed));
        this.evaluated = List.copyOf(evaluation);
        this.seed = seed;
        this.truth = evaluated.stream().mapToInt(example -> config.scheme().labels().indexOf(example.label())).toArray();
    }

    /** "120 random labels, out of fold", or "955 human labels, out of fold" when too few were random. */
    String basis() {
        return evaluated.size() + (evaluated.size() < all.size() ? " random labels" : " human labels") + ", out of fold";
    }

    Scored score(LocalVariant variant) {
        List<String> labelSet = config.scheme().labels();
        EmbeddingMatrix vectors = models.vectorsUnder(variant.model(), all.stream().map(HumanExample::itemId).toList());
        LocalLabeler labeler = new LocalLabeler(vectors, variant.model(), labelSet, seed, variant.smoothing());
        int[] predicted = new int[evaluated.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Integer> heldOut = new ArrayList<>();
            Set<String> heldOutIds = new HashSet<>();
            for (int i = fold; i < evaluated.size(); i += FOLDS) {
                heldOut.add(i);
                heldOutIds.add(evaluated.get(i).itemId());
            }
            if (heldOut.isEmpty()) {
                continue;
            }
            List<Prediction> predictions = labeler.train(all.stream()
                    .filter(example -> !heldOutIds.contains(example.itemId())).toList())
                    .predict(heldOut.stream().map(i -> evaluated.get(i).itemId()).toList());
            for (int k = 0; k < heldOut.size(); k++) {
                int i = heldOut.get(k);
                Prediction prediction = predictions.get(k);
                // An abstention counts as a wrong label.
                predicted[i] = prediction.abstained() ? (truth[i] + 1) % labelSet.size()
                        : labelSet.indexOf(prediction.label());
            }
        }
        return new Scored(ClassificationScore.of(metric(), truth, predicted, labelSet.size(), basis(), new Random(seed + 1)),
                predicted);
    }

    /** The share of paired bootstrap resamples in which {@code challenger} scores above {@code incumbent}. */
    double shareBetter(Scored challenger, Scored incumbent) {
        return ClassificationScore.shareBetter(metric(), truth, challenger.predicted(), incumbent.predicted(),
                config.scheme().labels().size(), new Random(seed + 2));
    }

    private PhasesConfig.Metric metric() {
        return config.solo().phases().promptOptimization().metric();
    }
}
