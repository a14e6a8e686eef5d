package dev.solo.phases;

import dev.solo.config.LlmConfig;
import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.embed.EmbeddingModel;
import dev.solo.human.HumanExample;
import dev.solo.label.LabelingSetup;
import dev.solo.labeler.llm.LlmUsage;
import dev.solo.labeler.llm.PromptVariant;
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
 * Phase 11, prompt optimization. A remote labeler's prompt varies in the configured
 * {@code variations} (instruction style, example ordering, reasoning mode, example count); for the
 * local labeler the "prompt" is its own configuration: the shipped embedding model it reads and
 * whether it may smooth over neighbours. Up to {@code candidates} variants, the one in use first,
 * are scored by {@code metric} on human labels none of them learned from, chosen in
 * {@code search_strategy}'s order; the results table is printed and stored, the best variant
 * becomes the labeling setup when it beats the one in use in {@link #SURE_BETTER} of paired
 * resamples, and the dataset is labeled again with it.
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
        List<HumanExample> labels = store.humans().examples(config.scheme().name());
        if (labels.size() < FEWEST_LABELS) {
            return new PhaseResult(Outcome.DONE, labels.size() + " human labels are too few to compare variants");
        }
        PhasesConfig.PromptOptimization settings = config.solo().phases().promptOptimization();
        long seed = context.randomFor("prompt-folds").nextLong();
        List<HumanExample> random = store.humans().examplesFromPool(config.scheme().name(), "random");
        VariantCandidates candidates = config.solo().llm().endpointType() == LlmConfig.EndpointType.LOCAL
                ? localCandidates(labels, random, seed) : remoteCandidates(labels, random, seed);
        Map<Integer, VariantEvaluation.Scored> results = new HashMap<>();
        Map<Integer, Double> scored = VariantSearch.run(settings.searchStrategy(), candidates.features(),
                settings.candidates(), context.randomFor("prompt-search"), index -> {
                    results.put(index, candidates.score(index));
                    return results.get(index).estimate().value();
                });
        int top = 0;
        for (Map.Entry<Integer, Double> entry : scored.entrySet()) {
            top = entry.getValue() > scored.get(top) ? entry.getKey() : top;
        }
        double sure = top == 0 ? 0 : candidates.shareBetter(results.get(top), results.get(0));
        int best = sure >= SURE_BETTER ? top : 0;
        List<VariantScore> table = new ArrayList<>();
        for (int index : scored.keySet()) {
            VariantEvaluation.Scored result = results.get(index);
            table.add(new VariantScore(candidates.names().get(index), candidates.describe(index), candidates.metricName(),
                    result.estimate(), result.calls(), result.costUsd(), index == best));
        }
        store.promptVariants().save(context.round(), table);
        table.forEach(row -> announcer.accept(String.format(Locale.ROOT, "  %s %-55s %s %s · %,d calls · $%.2f",
                row.selected() ? "*" : " ", row.description(), row.metric(), row.score(), row.calls(), row.costUsd())));
        if (best != 0) {
            adopt(candidates, best, scored, context.round());
        }
        String decision = best != 0 ? "selected " + candidates.describe(best)
                : top == 0 ? "kept " + candidates.describe(0) + ", the best"
                : String.format(Locale.ROOT, "kept %s: %s scored higher in only %.0f%% of paired resamples (%.0f%% needed)",
                        candidates.describe(0), candidates.describe(top), 100 * sure, 100 * SURE_BETTER);
        return new PhaseResult(Outcome.DONE, String.format(Locale.ROOT, "%d of %d variants scored by %s on %s; %s",
                scored.size(), candidates.names().size(), candidates.metricName(), candidates.basis(), decision));
    }

    /** The variant becomes the labeling setup, and the dataset is labeled with it. */
    private void adopt(VariantCandidates candidates, int best, Map<Integer, Double> scored, int round) {
        LabelingSetup setup = store.setups().current();
        store.setups().save(new LabelingSetup(setup.version() + 1, setup.guidelines(), candidates.names().get(best),
                setup.enabledFunctions(), "solo (prompt optimization)", String.format(Locale.ROOT,
                "%s scored %.3f against %.3f for %s", candidates.describe(best), scored.get(best), scored.get(0),
                candidates.describe(0)), Instant.ofEpochMilli(clock.millis())));
        announcer.accept(String.format(Locale.ROOT, "Labeling every item again (%,d) with %s.", store.items().count(),
                candidates.describe(best)));
        refresh.relabelEveryItem(phase(), round);
    }

    /** The local labeler's own choices: its embedding model (below a size) and neighbour smoothing. */
    private VariantCandidates localCandidates(List<HumanExample> labels, List<HumanExample> random, long seed) {
        LocalVariant current = store.setups().latest().flatMap(setup -> LocalVariant.parse(setup.promptVariant()))
                .orElse(new LocalVariant(EmbeddingModel.named(config.solo().labelerEmbeddingModel()).orElseThrow(), true));
        boolean otherModels = store.items().count() <= MOST_ITEMS_FOR_ANOTHER_MODEL;
        if (!otherModels) {
            announcer.accept(String.format("Prompt optimization keeps %s: above %,d items, embedding every item with "
                    + "another model would take too long; only neighbour smoothing is compared.",
                    current.model().configName(), MOST_ITEMS_FOR_ANOTHER_MODEL));
        }
        return new VariantScoring(inUseFirst(LocalVariant.all(current.model(), otherModels), current), models,
                new VariantEvaluation(config, labels, random, Integer.MAX_VALUE, seed), config.scheme().labels(), seed);
    }

    /** The remote prompt's configured variations; what scoring them may cost is said before it is spent. */
    private VariantCandidates remoteCandidates(List<HumanExample> labels, List<HumanExample> random, long seed) {
        LlmConfig llm = config.solo().llm();
        PromptVariant current = store.setups().latest().flatMap(setup -> PromptVariant.parse(setup.promptVariant()))
                .orElse(PromptVariant.configured(llm));
        PhasesConfig.PromptOptimization settings = config.solo().phases().promptOptimization();
        List<PromptVariant> variants = PromptVariant.all(current, Set.copyOf(settings.variations()));
        VariantEvaluation evaluation = new VariantEvaluation(config, labels, random, RemoteVariantScoring.MOST_ITEMS, seed);
        RemoteVariantScoring scoring = new RemoteVariantScoring(variants, models, store, llm, evaluation);
        LlmUsage spent = store.llmCalls().usage();
        long most = scoring.mostRequests(settings.candidates());
        double perCall = spent.calls() == 0 ? 0 : spent.costUsd() / spent.calls();
        announcer.accept(String.format(Locale.ROOT, "Prompt optimization: up to %d of %d prompt variants, each asked "
                + "about %d human-labeled items: at most %,d requests%s (answers already cached cost nothing; "
                + "solo start --dry-run counts them without sending).", Math.min(settings.candidates(), variants.size()),
                variants.size(), evaluation.evaluated().size(), most, perCall == 0 ? ""
                : String.format(Locale.ROOT, ", about $%.2f at this task's cost per request so far", most * perCall)));
        return scoring;
    }

    private static List<LocalVariant> inUseFirst(List<LocalVariant> variants, LocalVariant current) {
        List<LocalVariant> ordered = new ArrayList<>(List.of(current));
        variants.stream().filter(variant -> !variant.equals(current)).forEach(ordered::add);
        return ordered;
    }
}
