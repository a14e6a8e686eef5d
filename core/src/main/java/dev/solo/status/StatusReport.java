package dev.solo.status;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.label.LabelCounts;
import dev.solo.label.LabelingSetup;
import dev.solo.labeler.llm.LlmUsage;
import dev.solo.lf.FunctionRecord;
import dev.solo.metrics.AccuracyEstimate;
import dev.solo.metrics.AccuracyRecord;
import dev.solo.metrics.Estimate;
import dev.solo.metrics.VariantScore;
import dev.solo.select.BoundaryMining;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a task stands, computed from the store: what {@code solo status} prints. Accuracy is
 * null until a model has been measured against human labels; {@code completion} until the
 * workflow has passed; {@code verification} unless the config enables it. {@code edgeCasesMined}: phase 9's
 * real items mined near the confusion boundaries and labeled; {@code syntheticItems}: the texts a remote model
 * wrote for it, kept out of the dataset; {@code promptOptimization}: phase
 * 11's latest results table, empty before it ran.
 */
public record StatusReport(
        String taskName,
        int phase,
        String phaseTitle,
        int round,
        int batch,
        int maxBatches,
        String state,
        String note,
        long humanLabels,
        long humanLabelBudget,
        Double llmAccuracy,
        double accuracyTarget,
        double lfCoverage,
        long datasetSize,
        long humanLabeled,
        long lfLabeled,
        long llmLabeled,
        long unlabeled,
        Map<String, Long> humanLabelsByPhase,
        long humanSeconds,
        Long randomSeed,
        LlmUsage llmUsage,
        int guidelineVersion,
        String guidelineAuthor,
        List<FunctionSummary> labelingFunctions,
        String embeddingModel,
        long embeddedItems,
        Estimate accuracyEstimate,
        Estimate machineAccuracyEstimate,
        List<RoundAccuracy> accuracyByRound,
        List<String> warnings,
        CompletionSummary completion,
        VerificationReport verification,
        long edgeCasesMined,
        long syntheticItems,
        List<VariantScore> promptOptimization) {

    /** The last accuracy estimate of a round: the exported dataset's, and the machine labels' alone. */
    public record RoundAccuracy(int round, int phase, int batch, Estimate dataset, Estimate machine) {
    }

    /** A labeling function of the latest round: what it votes, how precise it proved (bound and n), what it covers. */
    public record FunctionSummary(String name, String description, String label, Double precision, double precisionLow,
                                  int n, double coverage, boolean enabled) {
        static FunctionSummary of(FunctionRecord record, long items) {
            return new FunctionSummary(record.function().name(), record.function().description(), record.label(),
                    record.checked() == 0 ? null : (double) record.correct() / record.checked(), record.precisionLow(),
                    record.checked(), items == 0 ? 0 : (double) record.covered() / items,
                    record.status() == FunctionRecord.Status.ENABLED);
        }
    }

    public static StatusReport of(SoloConfig config, Store store) {
        WorkflowState state = store.workflow().state();
        Optional<LabelingSetup> setup = store.setups().latest();
        LabelCounts counts = store.labeledRows().counts();
        Optional<AccuracyRecord> latest = store.accuracy().latest();
        Set<String> synthetic = store.items().syntheticIds();
        Map<String, Long> byPhase = new LinkedHashMap<>();
        store.humans().labelsByPhase().forEach((phase, count) -> byPhase.put(phase.title(), count));
        return new StatusReport(
                config.task().taskName(),
                state.phase().number(),
                state.phase().title(),
                state.round(),
                state.batch(),
                maxBatches(state.phase(), config),
                state.status().name().toLowerCase(),
                state.note(),
                counts.human(),
                humanLabelBudget(config),
                store.measurements().latestAccuracyEstimate().map(AccuracyEstimate::accuracy).orElse(null),
                config.solo().accuracyThreshold(),
                counts.items() == 0 ? 0 : (double) store.functionLabels().count() / counts.items(),
                counts.items(),
                counts.human(),
                counts.labelingFunction(),
                counts.llm(),
                counts.unlabeled(),
                byPhase,
                store.humans().answerMillis() / 1000,
                store.workflow().randomSeed().orElse(null),
                store.llmCalls().usage(),
                setup.map(LabelingSetup::version).orElse(0),
                setup.map(LabelingSetup::author).orElse(""),
                store.functions().latest().stream().map(f -> FunctionSummary.of(f, counts.items())).toList(),
                config.solo().labelerEmbeddingModel(),
                store.vectors().countVectors(config.solo().labelerEmbeddingModel()),
                latest.map(record -> record.report().dataset()).orElse(null),
                latest.map(record -> record.report().machine()).orElse(null),
                byRound(store.accuracy().all()),
                store.workflow().warnings(),
                CompletionSummary.of(config, store).orElse(null),
                VerificationReport.of(config, store).orElse(null),
                edgeCasesMined(config, store, synthetic),
                synthetic.size(),
                store.promptVariants().latest());
    }

    /** Phase 9's human labels on real items, not on the synthetic ones. */
    private static long edgeCasesMined(SoloConfig config, Store store, Set<String> synthetic) {
        return store.humans().examplesFromPool(config.scheme().name(), BoundaryMining.POOL).stream()
                .filter(example -> !synthetic.contains(example.itemId()))
                .count();
    }

    private static List<RoundAccuracy> byRound(List<AccuracyRecord> records) {
        Map<Integer, RoundAccuracy> lastOfRound = new TreeMap<>();
        records.forEach(record -> lastOfRound.put(record.round(), new RoundAccuracy(record.round(),
                record.phase().number(), record.batch(), record.report().dataset(), record.report().machine())));
        return List.copyOf(lastOfRound.values());
    }

    private static int maxBatches(Phase phase, SoloConfig config) {
        return phase == Phase.ACTIVE_LABELING ? config.solo().phases().activeLabeling().maxBatches() : 0;
    }

    /** The most labels the configured phases can ask of a person in one pass through the workflow. */
    static long humanLabelBudget(SoloConfig config) {
        PhasesConfig phases = config.solo().phases();
        long budget = config.solo().seedSize();
        budget += (long) phases.activeLabeling().batchSize() * phases.activeLabeling().maxBatches();
        budget += phases.disagreementExploration().maxInstances();
        budget += phases.edgeCaseSynthesis().enabled() ? phases.edgeCaseSynthesis().count() : 0;
        budget += phases.confidenceEscalation().escalationBudget();
        budget += phases.finalValidation().sampleSize();
        return budget;
    }
}
