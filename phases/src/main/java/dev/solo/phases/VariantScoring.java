package dev.solo.phases;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.human.HumanExample;
import dev.solo.labeler.Prediction;
import dev.solo.labeler.local.LocalLabeler;
import dev.solo.labeler.local.LocalVariant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Local labeler variants scored by cross-validation: the evaluation labels are split into folds,
 * each predicted by the variant trained on every other human label. Only the labeled items need
 * the variant's vectors. Scoring costs no calls.
 */
final class VariantScoring implements VariantCandidates {
    static final int FOLDS = 5;

    private final List<LocalVariant> variants;
    private final Models models;
    private final VariantEvaluation evaluation;
    private final List<String> labelSet;
    private final long seed;

    VariantScoring(List<LocalVariant> variants, Models models, VariantEvaluation evaluation, List<String> labelSet,
                   long seed) {
        this.variants = List.copyOf(variants);
        this.models = models;
        this.evaluation = evaluation;
        this.labelSet = List.copyOf(labelSet);
        this.seed = seed;
    }

    @Override
    public List<String> names() {
        return variants.stream().map(LocalVariant::name).toList();
    }

    @Override
    public String describe(int index) {
        return variants.get(index).describe();
    }

    /** One-hot embedding model and the smoothing flag. */
    @Override
    public double[][] features() {
        EmbeddingModel[] shipped = EmbeddingModel.values();
        double[][] features = new double[variants.size()][shipped.length + 1];
        for (int i = 0; i < variants.size(); i++) {
            features[i][variants.get(i).model().ordinal()] = 1;
            features[i][shipped.length] = variants.get(i).smoothing() ? 1 : 0;
        }
        return features;
    }

    @Override
    public String basis() {
        return evaluation.basis() + ", out of fold";
    }

    @Override
    public VariantEvaluation evaluation() {
        return evaluation;
    }

    @Override
    public VariantEvaluation.Scored score(int index) {
        LocalVariant variant = variants.get(index);
        List<HumanExample> all = evaluation.all();
        List<HumanExample> evaluated = evaluation.evaluated();
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
                predicted[heldOut.get(k)] = evaluation.indexOf(heldOut.get(k), predictions.get(k));
            }
        }
        return evaluation.score(predicted, basis(), 0, 0);
    }
}
