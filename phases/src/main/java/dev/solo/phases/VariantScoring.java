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
import java.util.List;
import java.util.Random;

/**
 * A local labeler variant scored by cross-validation on the human labels: each fold is predicted
 * by the variant trained on the other folds only, and the metric (f1_macro or accuracy) is taken
 * over every out-of-fold prediction, with a bootstrap interval. Only the labeled items need the
 * variant's vectors.
 */
final class VariantScoring {
    static final int FOLDS = 5;

    private final SoloConfig config;
    private final Models models;
    private final List<HumanExample> labels;
    private final long seed;

    VariantScoring(SoloConfig config, Models models, List<HumanExample> labels, long seed) {
        this.config = config;
        this.models = models;
        this.labels = List.copyOf(labels);
        this.seed = seed;
    }

    Estimate score(LocalVariant variant) {
        List<String> labelSet = config.scheme().labels();
        EmbeddingMatrix vectors = models.vectorsUnder(variant.model(), labels.stream().map(HumanExample::itemId).toList());
        LocalLabeler labeler = new LocalLabeler(vectors, variant.model(), labelSet, seed, variant.smoothing());
        List<HumanExample> shuffled = new ArrayList<>(labels);
        Collections.shuffle(shuffled, new Random(seed));
        int[] truth = new int[shuffled.size()];
        int[] predicted = new int[shuffled.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<HumanExample> training = new ArrayList<>();
            List<Integer> heldOut = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                if (i % FOLDS == fold) {
                    heldOut.add(i);
                } else {
                    training.add(shuffled.get(i));
                }
            }
            List<Prediction> predictions = labeler.train(training)
                    .predict(heldOut.stream().map(i -> shuffled.get(i).itemId()).toList());
            for (int k = 0; k < heldOut.size(); k++) {
                int i = heldOut.get(k);
                truth[i] = labelSet.indexOf(shuffled.get(i).label());
                Prediction prediction = predictions.get(k);
                // An abstention counts as a wrong label.
                predicted[i] = prediction.abstained() ? (truth[i] + 1) % labelSet.size()
                        : labelSet.indexOf(prediction.label());
            }
        }
        PhasesConfig.Metric metric = config.solo().phases().promptOptimization().metric();
        return ClassificationScore.of(metric, truth, predicted, labelSet.size(), new Random(seed + 1));
    }
}
