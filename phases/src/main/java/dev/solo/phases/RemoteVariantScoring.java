package dev.solo.phases;

import dev.solo.config.LlmConfig;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.human.HumanExample;
import dev.solo.labeler.Prediction;
import dev.solo.labeler.llm.LlmUsage;
import dev.solo.labeler.llm.PromptVariant;
import dev.solo.store.Store;
import java.util.List;

/**
 * Remote prompt variants scored by asking: each evaluation item is labeled by the remote model in
 * the variant's way, with the other human labels as its few-shot examples (never its own), so
 * every score is out of sample. The calls go through the labeler's client (cache, budget, dry
 * run) and each variant's calls and cost are read from the store's call log.
 */
final class RemoteVariantScoring implements VariantCandidates {
    /** At most this many labels are asked per variant: enough to tell variants apart, not the whole budget. */
    static final int MOST_ITEMS = 60;

    private final List<PromptVariant> variants;
    private final Models models;
    private final Store store;
    private final LlmConfig llm;
    private final VariantEvaluation evaluation;
    private final EmbeddingMatrix vectors;

    RemoteVariantScoring(List<PromptVariant> variants, Models models, Store store, LlmConfig llm,
                         VariantEvaluation evaluation) {
        this.variants = List.copyOf(variants);
        this.models = models;
        this.store = store;
        this.llm = llm;
        this.evaluation = evaluation;
        this.vectors = models.labelerVectors(evaluation.all().stream().map(HumanExample::itemId).toList());
    }

    /** The most requests scoring {@code count} variants can send (self-consistency asks several times per item). */
    long mostRequests(int count) {
        int perItem = variants.stream().mapToInt(variant -> variant.requestsPerItem(llm)).max().orElse(1);
        return (long) Math.min(count, variants.size()) * evaluation.evaluated().size() * perItem;
    }

    @Override
    public List<String> names() {
        return variants.stream().map(PromptVariant::name).toList();
    }

    @Override
    public String describe(int index) {
        return variants.get(index).describe();
    }

    @Override
    public double[][] features() {
        return variants.stream().map(PromptVariant::features).toArray(double[][]::new);
    }

    @Override
    public String basis() {
        return evaluation.basis() + ", each labeled with the others as examples";
    }

    @Override
    public VariantEvaluation evaluation() {
        return evaluation;
    }

    @Override
    public VariantEvaluation.Scored score(int index) {
        LlmUsage before = store.llmCalls().usage();
        List<HumanExample> evaluated = evaluation.evaluated();
        List<Prediction> predictions = models.remoteLabeler(variants.get(index), vectors)
                .labelUncalibrated(evaluation.all(), evaluated.stream().map(HumanExample::itemId).toList());
        int[] predicted = new int[evaluated.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = evaluation.indexOf(i, predictions.get(i));
        }
        LlmUsage after = store.llmCalls().usage();
        return evaluation.score(predicted, basis(), after.calls() - before.calls(), after.costUsd() - before.costUsd());
    }
}
