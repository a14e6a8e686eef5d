package dev.solo.config;

import static java.util.Objects.requireNonNullElse;

import java.util.List;

/** The {@code solo_mode.phases} section: one block per phase, each with the spec's defaults. */
public record PhasesConfig(
        Seed seed,
        Calibration calibration,
        ConfusionAnalysis confusionAnalysis,
        GuidelineRefinement guidelineRefinement,
        LabelingFunctions labelingFunctions,
        ActiveLabeling activeLabeling,
        RefinementLoop refinementLoop,
        DisagreementExploration disagreementExploration,
        EdgeCaseSynthesis edgeCaseSynthesis,
        ConfidenceEscalation confidenceEscalation,
        PromptOptimization promptOptimization,
        FinalValidation finalValidation) {

    public static final PhasesConfig DEFAULT =
            new PhasesConfig(null, null, null, null, null, null, null, null, null, null, null, null);

    public PhasesConfig {
        seed = requireNonNullElse(seed, new Seed(null, null, null, null));
        calibration = requireNonNullElse(calibration, new Calibration(null, null));
        confusionAnalysis = requireNonNullElse(confusionAnalysis, new ConfusionAnalysis(null, null));
        guidelineRefinement = requireNonNullElse(guidelineRefinement, new GuidelineRefinement(null, null));
        labelingFunctions = requireNonNullElse(labelingFunctions, new LabelingFunctions(null, null, null, null, null, null));
        activeLabeling = requireNonNullElse(activeLabeling, new ActiveLabeling(null, null, null, null));
        refinementLoop = requireNonNullElse(refinementLoop, new RefinementLoop(null, null));
        disagreementExploration = requireNonNullElse(disagreementExploration, new DisagreementExploration(null, null, null, null));
        edgeCaseSynthesis = requireNonNullElse(edgeCaseSynthesis, new EdgeCaseSynthesis(null, null, null, null));
        confidenceEscalation = requireNonNullElse(confidenceEscalation, new ConfidenceEscalation(null, null, null, null));
        promptOptimization = requireNonNullElse(promptOptimization, new PromptOptimization(null, null, null, null, null));
        finalValidation = requireNonNullElse(finalValidation, new FinalValidation(null, null, null));
    }

    /** Phase 1. {@code count} stays null when not given, so that {@code seed_count} applies. */
    public record Seed(Integer count, Selection selection, String embeddingModel, String stratifyBy) {
        public Seed {
            Ranges.positive("count", count);
            selection = requireNonNullElse(selection, Selection.DIVERSITY);
            embeddingModel = requireNonNullElse(embeddingModel, "all-MiniLM-L6-v2");
            Ranges.embeddingModel("embedding_model", embeddingModel);
        }
    }

    public enum Selection { DIVERSITY, RANDOM, STRATIFIED }

    public record Calibration(Integer batchSize, Double holdoutFraction) {
        public Calibration {
            batchSize = requireNonNullElse(batchSize, 100);
            holdoutFraction = requireNonNullElse(holdoutFraction, 0.2);
            Ranges.positive("batch_size", batchSize);
            Ranges.fraction("holdout_fraction", holdoutFraction);
        }

        /** Seed labels held out to measure the baseline: at least one when the fraction is above zero, and one left to learn from. */
        public int heldOut(int seedLabels) {
            if (holdoutFraction <= 0) {
                return 0;
            }
            return (int) Math.max(1, Math.min(seedLabels - 1, Math.round(seedLabels * holdoutFraction)));
        }
    }

    public record ConfusionAnalysis(Integer minSamples, Double significanceThreshold) {
        public ConfusionAnalysis {
            minSamples = requireNonNullElse(minSamples, 30);
            significanceThreshold = requireNonNullElse(significanceThreshold, 0.05);
            Ranges.fraction("significance_threshold", significanceThreshold);
        }
    }

    public record GuidelineRefinement(Boolean autoSuggest, Boolean requireApproval) {
        public GuidelineRefinement {
            autoSuggest = requireNonNullElse(autoSuggest, true);
            requireApproval = requireNonNullElse(requireApproval, true);
        }
    }

    /** Phase 5. {@code auditSize}: at most this many random items a candidate covers are checked by the person. */
    public record LabelingFunctions(Boolean enabled, Integer maxFunctions, Double minPrecision, Double minCoverage,
                                    List<LfType> types, Integer auditSize) {
        public LabelingFunctions {
            enabled = requireNonNullElse(enabled, true);
            maxFunctions = requireNonNullElse(maxFunctions, 20);
            minPrecision = requireNonNullElse(minPrecision, 0.90);
            minCoverage = requireNonNullElse(minCoverage, 0.01);
            types = types == null ? List.of(LfType.values()) : List.copyOf(types);
            auditSize = requireNonNullElse(auditSize, 30);
            Ranges.positive("max_functions", maxFunctions);
            Ranges.positive("audit_size", auditSize);
            Ranges.fraction("min_precision", minPrecision);
            Ranges.fraction("min_coverage", minCoverage);
        }
    }

    public enum LfType { KEYWORD_MATCH, REGEX_PATTERN, LENGTH_THRESHOLD, EMBEDDING_CLUSTER }

    /**
     * Phase 6. {@code minRandomShare}: at least this share of every batch is drawn at random, the
     * evidence accuracy estimates rest on.
     */
    public record ActiveLabeling(Integer batchSize, ActiveStrategy strategy, Integer maxBatches, Double minRandomShare) {
        public ActiveLabeling {
            batchSize = requireNonNullElse(batchSize, 25);
            strategy = requireNonNullElse(strategy, ActiveStrategy.HYBRID);
            maxBatches = requireNonNullElse(maxBatches, 10);
            minRandomShare = requireNonNullElse(minRandomShare, 0.2);
            Ranges.positive("batch_size", batchSize);
            Ranges.positive("max_batches", maxBatches);
            Ranges.fraction("min_random_share", minRandomShare);
        }
    }

    public enum ActiveStrategy { UNCERTAINTY, DIVERSITY, HYBRID }

    public record RefinementLoop(Integer maxIterations, Double improvementThreshold) {
        public RefinementLoop {
            maxIterations = requireNonNullElse(maxIterations, 3);
            improvementThreshold = requireNonNullElse(improvementThreshold, 0.02);
            Ranges.fraction("improvement_threshold", improvementThreshold);
        }
    }

    public record DisagreementExploration(Integer maxInstances, SortBy sortBy, Boolean showLlmReasoning,
                                          Integer showNearestNeighbors) {
        public DisagreementExploration {
            maxInstances = requireNonNullElse(maxInstances, 200);
            sortBy = requireNonNullElse(sortBy, SortBy.CONFIDENCE_GAP);
            showLlmReasoning = requireNonNullElse(showLlmReasoning, true);
            showNearestNeighbors = requireNonNullElse(showNearestNeighbors, 3);
        }
    }

    public enum SortBy { CONFIDENCE_GAP, LF_DISAGREEMENT, RANDOM }

    public record EdgeCaseSynthesis(Boolean enabled, Integer count, Double diversityWeight,
                                    List<List<String>> confusionPairs) {
        public EdgeCaseSynthesis {
            enabled = requireNonNullElse(enabled, true);
            count = requireNonNullElse(count, 50);
            diversityWeight = requireNonNullElse(diversityWeight, 0.3);
            confusionPairs = confusionPairs == null ? List.of() : confusionPairs.stream().map(List::copyOf).toList();
            Ranges.fraction("diversity_weight", diversityWeight);
        }
    }

    public record ConfidenceEscalation(Integer escalationBudget, Integer batchSize, Boolean stopWhenStable,
                                       Integer stabilityWindow) {
        public ConfidenceEscalation {
            escalationBudget = requireNonNullElse(escalationBudget, 200);
            batchSize = requireNonNullElse(batchSize, 25);
            stopWhenStable = requireNonNullElse(stopWhenStable, true);
            stabilityWindow = requireNonNullElse(stabilityWindow, 3);
            Ranges.positive("batch_size", batchSize);
            Ranges.positive("stability_window", stabilityWindow);
        }
    }

    public record PromptOptimization(Boolean enabled, Integer candidates, Metric metric, SearchStrategy searchStrategy,
                                     List<Variation> variations) {
        public PromptOptimization {
            enabled = requireNonNullElse(enabled, true);
            candidates = requireNonNullElse(candidates, 10);
            metric = requireNonNullElse(metric, Metric.F1_MACRO);
            searchStrategy = requireNonNullElse(searchStrategy, SearchStrategy.BAYESIAN);
            variations = variations == null ? List.of(Variation.values()) : List.copyOf(variations);
            Ranges.positive("candidates", candidates);
        }
    }

    public enum Metric { F1_MACRO, ACCURACY }

    public enum SearchStrategy { BAYESIAN, GRID, RANDOM }

    public enum Variation { INSTRUCTION_STYLE, EXAMPLE_ORDERING, REASONING_MODE, EXAMPLE_COUNT }

    public record FinalValidation(Integer sampleSize, Double minAccuracy, Integer fallbackPhase) {
        public FinalValidation {
            sampleSize = requireNonNullElse(sampleSize, 100);
            minAccuracy = requireNonNullElse(minAccuracy, 0.92);
            fallbackPhase = requireNonNullElse(fallbackPhase, 6);
            Ranges.positive("sample_size", sampleSize);
            Ranges.fraction("min_accuracy", minAccuracy);
            if (fallbackPhase < 1 || fallbackPhase > 11) {
                throw ConfigRuleException.at("fallback_phase", "'fallback_phase' must be a phase from 1 to 11, got " + fallbackPhase,
                        "the spec's default is 6 (active labeling)");
            }
        }
    }
}
