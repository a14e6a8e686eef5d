package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.guidelines.KeywordRule;
import dev.solo.human.HumanExample;
import dev.solo.label.ModelLabel;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import dev.solo.lf.CandidateMiner;
import dev.solo.lf.ClusterMiner;
import dev.solo.lf.KeywordFunction;
import dev.solo.lf.LabelingFunction;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Phase 5's candidates: words, phrases, length bands and embedding neighbourhoods whose
 * human-labeled items mostly carry one label, after the rules behind approved guidelines. They are
 * mined from the person's labels only: a rule mined from the model's labels repeats the model, and
 * changes no label it gives (on sst2 such rules, audited with 169 human labels, changed 1 of 653).
 * The model still labels every item first, so that {@link AuditPayoff} can count what each
 * candidate would change. At most {@link #PER_FUNCTION_KEPT} candidates per function that may be
 * kept, each kind of rule taking its turn by rank, so that bands and neighbourhoods are not crowded
 * out by words.
 */
final class FunctionProposals {
    static final int PER_FUNCTION_KEPT = 3;

    private final SoloConfig config;
    private final Store store;
    private final Models models;
    private final Clock clock;
    private final Consumer<String> announcer;

    FunctionProposals(SoloConfig config, Store store, Models models, Clock clock, Consumer<String> announcer) {
        this.config = config;
        this.store = store;
        this.models = models;
        this.clock = clock;
        this.announcer = announcer;
    }

    /** Candidates whose names are not in {@code proposedBefore}, up to the round's limit. */
    List<LabelingFunction> propose(PhaseContext context, ItemInputs items, List<HumanExample> labels,
                                   Set<String> proposedBefore) {
        PhasesConfig.LabelingFunctions settings = config.solo().phases().labelingFunctions();
        labelEveryItem(context, items, labels);
        EmbeddingMatrix vectors = items.vectors();
        String[] labelByRow = labelByRow(vectors, labels);
        List<CandidateMiner.Example> examples = new ArrayList<>();
        items.forEachText((id, text) -> {
            OptionalInt row = vectors.row(id);
            if (row.isPresent() && labelByRow[row.getAsInt()] != null) {
                examples.add(new CandidateMiner.Example(text, labelByRow[row.getAsInt()]));
            }
        });
        Map<String, LabelingFunction> candidates = new LinkedHashMap<>();
        for (KeywordRule rule : store.setups().rules()) {
            rule.terms().forEach(term -> add(candidates, new KeywordFunction(term, rule.label()), proposedBefore));
        }
        CandidateMiner miner = new CandidateMiner(settings.minCoverage(), settings.minPrecision());
        List<List<LabelingFunction>> mined = new ArrayList<>();
        if (settings.types().contains(PhasesConfig.LfType.KEYWORD_MATCH)) {
            mined.add(miner.keywords(examples));
        }
        if (settings.types().contains(PhasesConfig.LfType.LENGTH_THRESHOLD)) {
            mined.add(miner.lengthBands(examples));
        }
        if (settings.types().contains(PhasesConfig.LfType.EMBEDDING_CLUSTER)) {
            mined.add(neighbourhoods(context, vectors, labelByRow, settings));
        }
        int limit = PER_FUNCTION_KEPT * settings.maxFunctions();
        for (int rank = 0; candidates.size() < limit && rank < longest(mined); rank++) {
            for (List<LabelingFunction> ofOneKind : mined) {
                if (rank < ofOneKind.size() && candidates.size() < limit) {
                    add(candidates, ofOneKind.get(rank), proposedBefore);
                }
            }
        }
        return List.copyOf(candidates.values());
    }

    /** The person's label of each item by its row in {@code vectors} (null: none). */
    private static String[] labelByRow(EmbeddingMatrix vectors, List<HumanExample> labels) {
        String[] byRow = new String[vectors.size()];
        labels.forEach(label -> vectors.row(label.itemId()).ifPresent(row -> byRow[row] = label.label()));
        return byRow;
    }

    /** Neighbourhoods of the labeled items' vectors; rows in the matrix's order (by id), so that the sample depends only on the seed. */
    private static List<LabelingFunction> neighbourhoods(PhaseContext context, EmbeddingMatrix vectors,
                                                         String[] labelByRow,
                                                         PhasesConfig.LabelingFunctions settings) {
        int[] rows = IntStream.range(0, labelByRow.length).filter(row -> labelByRow[row] != null).toArray();
        return new ClusterMiner(settings.minCoverage(), settings.minPrecision()).neighbourhoods(rows.length,
                index -> new ClusterMiner.Example(vectors.vector(rows[index]), labelByRow[rows[index]]),
                context.randomFor("neighbourhoods"), context.round() + ".");
    }

    private static int longest(List<List<LabelingFunction>> lists) {
        return lists.stream().mapToInt(List::size).max().orElse(0);
    }

    private static void add(Map<String, LabelingFunction> candidates, LabelingFunction function, Set<String> excluded) {
        if (!excluded.contains(function.name())) {
            candidates.putIfAbsent(function.name(), function);
        }
    }

    /**
     * The model, trained on every human label, labels the items without one: what each candidate
     * would change is counted against these labels. A remote model labels only the items it has not labeled yet, since each call costs.
     */
    private void labelEveryItem(PhaseContext context, ItemInputs items, List<HumanExample> labels) {
        Labeler labeler = models.labeler(items.vectors());
        Set<String> skipped = new HashSet<>();
        labels.forEach(label -> skipped.add(label.itemId()));
        if (!labeler.relabelsCheaply()) {
            store.predictions().forEach(config.scheme().name(), label -> skipped.add(label.itemId()));
        }
        List<String> unlabeled = new ArrayList<>();
        int[] itemCount = {0};
        items.forEachText((id, text) -> {
            itemCount[0]++;
            if (!skipped.contains(id)) {
                unlabeled.add(id);
            }
        });
        announcer.accept(labeler.relabelsCheaply()
                ? String.format("Labeling all %,d items with the model, to weigh rules against it.", itemCount[0])
                : String.format("Labeling the %,d items the model has not labeled yet, to weigh rules against it.",
                        unlabeled.size()));
        LabelingModel model = labeler.train(labels);
        int setup = store.setups().current().version();
        for (int from = 0; from < unlabeled.size(); from += ModelRefresh.CHUNK) {
            Instant now = Instant.ofEpochMilli(clock.millis());
            List<ModelLabel> saved = new ArrayList<>();
            for (Prediction prediction : model.predict(unlabeled.subList(from,
                    Math.min(unlabeled.size(), from + ModelRefresh.CHUNK)))) {
                if (!prediction.abstained()) {
                    saved.add(new ModelLabel(prediction, config.scheme().name(), labeler.name(),
                            Phase.LABELING_FUNCTIONS, context.round(), setup, now));
                }
            }
            store.predictions().save(saved);
        }
    }
}
