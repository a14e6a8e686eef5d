package dev.solo.phases;

import dev.solo.config.LlmConfig;
import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.embed.EmbeddingModel;
import dev.solo.human.HumanExample;
import dev.solo.label.LabelingSetup;
import dev.solo.labeler.local.LocalVariant;
import dev.solo.metrics.VariantScore;
import dev.solo.select.VariantSearch;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Phase 11, prompt optimization. For the local labeler the "prompt" is its own configuration: the
 * shipped embedding model it reads and whether it may smooth over neighbours. Up to
 * {@code candidates} variants, the one in use first, are scored by {@code metric} with
 * cross-validation on the human labels, chosen in {@code search_strategy}'s order; the results
 * table is printed and stored, the best variant (the one in use on a tie) becomes the labeling
 * setup, and the dataset is labeled again with it.
 */
public final class PromptOptimizationPhase implements PhaseRunner {
    /** Fewer human labels than this cannot tell variants apart. */
    static final int FEWEST_LABELS = 30;
    /** A variant replaces the one in use only when it scores higher in at least this share of paired resamples. */
    static final double SURE_BETTER = 0.9;
    /** Above this many items another embedding model is not tried: embedding every item again would take too long. */
    static final int MOST_ITEMS_FOR_ANOTHER_MODEL = 50_000;

    private final SoloConfig config;
    private final Store store;
    private final Models models;
    private final ModelRefresh refresh;
    private final Clock clock;
    private final Consumer<String> announcer;

    public PromptOptimizationPhase(SoloConfig config, Store store, Models models, Clock clock, Consumer<String> announcer) {
        this.config = config;
        this.store = store;
        this.models = models;
        this.refresh = new ModelRefresh(config, store, models, clock);
        this.clock = clock;
        this.announcer = announcer;
    }

    @Override
    public Phase phase() {
        return Phase.PROMPT_OPTIMIZATION;
    }

    @Override
    public boolean enabledBy(SoloConfig config) {
        return config.solo().phases().promptOptimization().enabled();
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        if (config.solo().llm().endpointType() != LlmConfig.EndpointType.LOCAL) {
            return new PhaseResult(Outcome.DONE, "the prompt search for remote labelers is not built in this version; "
                    + "the prompt in use is kept");
        }
        List<HumanExample> labels = store.humans().examples(config.scheme().name());
        if (labels.size() < FEWEST_LABELS) {
            return new PhaseResult(Outcome.DONE, labels.size() + " human labels are too few to compare variants");
        }
        PhasesConfig.PromptOptimization settings = config.solo().phases().promptOptimization();
        LocalVariant current = store.setups().latest().flatMap(setup -> LocalVariant.parse(setup.promptVariant()))
                .orElse(new LocalVariant(EmbeddingModel.named(config.solo().labelerEmbeddingModel()).orElseThrow(), true));
        boolean otherModels = store.items().count() <= MOST_ITEMS_FOR_ANOTHER_MODEL;
        if (!otherModels) {
            announcer.accept(String.format("Prompt optimization keeps %s: above %,d items, embedding every item with "
                    + "another model would take too long; only neighbour smoothing is compared.",
                    current.model().configName(), MOST_ITEMS_FOR_ANOTHER_MODEL));
        }
        List<LocalVariant> variants = inUseFirst(LocalVariant.all(current.model(), otherModels), current);
        VariantScoring scoring = new VariantScoring(config, models, labels,
                store.humans().examplesFromPool(config.scheme().name(), "random"), context.randomFor("prompt-folds").nextLong());
        Map<Integer, VariantScoring.Scored> results = new HashMap<>();
        Map<Integer, Double> scored = VariantSearch.run(settings.searchStrategy(), features(variants), settings.candidates(),
                context.randomFor("prompt-search"), index -> {
                    results.put(index, scoring.score(variants.get(index)));
                    return results.get(index).estimate().value();
                });
        int top = 0;
        for (Map.Entry<Integer, Double> entry : scored.entrySet()) {
            top = entry.getValue() > scored.get(top) ? entry.getKey() : top;
        }
        double sure = top == 0 ? 0 : scoring.shareBetter(results.get(top), results.get(0));
        int best = sure >= SURE_BETTER ? top : 0;
        List<VariantScore> table = new ArrayList<>();
        for (int index : scored.keySet()) {
            table.add(new VariantScore(variants.get(index).name(), variants.get(index).describe(),
                    settings.metric().name().toLowerCase(Locale.ROOT), results.get(index).estimate(), 0, 0, index == best));
        }
        store.promptVariants().save(context.round(), table);
        table.forEach(row -> announcer.accept(String.format(Locale.ROOT, "  %s %-55s %s %s · 0 calls · $0.00",
                row.selected() ? "*" : " ", row.description(), row.metric(), row.score())));
        LocalVariant chosen = variants.get(best);
        if (best != 0) {
            LabelingSetup setup = store.setups().current();
            store.setups().save(new LabelingSetup(setup.version() + 1, setup.guidelines(), chosen.name(),
                    setup.enabledFunctions(), "solo (prompt optimization)", String.format(Locale.ROOT,
                    "%s scored %.3f against %.3f for %s", chosen.describe(), scored.get(best), scored.get(0),
                    current.describe()), Instant.ofEpochMilli(clock.millis())));
            announcer.accept("Labeling every item again with " + chosen.describe() + ".");
            refresh.retrain(phase(), context.round(), Set.of());
        }
        String decision = best != 0 ? "selected " + chosen.describe()
                : top == 0 ? "kept " + chosen.describe() + ", the best"
                : String.format(Locale.ROOT, "kept %s: %s scored higher in only %.0f%% of paired resamples (%.0f%% needed)",
                        chosen.describe(), variants.get(top).describe(), 100 * sure, 100 * SURE_BETTER);
        return new PhaseResult(Outcome.DONE, String.format(Locale.ROOT, "%d of %d variants scored by %s on %s; %s",
                scored.size(), variants.size(), settings.metric().name().toLowerCase(Locale.ROOT), scoring.basis(), decision));
    }

    private static List<LocalVariant> inUseFirst(List<LocalVariant> variants, LocalVariant current) {
        List<LocalVariant> ordered = new ArrayList<>(List.of(current));
        variants.stream().filter(variant -> !variant.equals(current)).forEach(ordered::add);
        return ordered;
    }

    /** One-hot embedding model and the smoothing flag: what the bayesian search compares variants by. */
    private static double[][] features(List<LocalVariant> variants) {
        EmbeddingModel[] models = EmbeddingModel.values();
        double[][] features = new double[variants.size()][models.length + 1];
        for (int i = 0; i < variants.size(); i++) {
            features[i][variants.get(i).model().ordinal()] = 1;
            features[i][models.length] = variants.get(i).smoothing() ? 1 : 0;
        }
        return features;
    }
}
