package dev.solo.status;

import dev.solo.config.CompletionConfig;
import dev.solo.config.SoloConfig;
import dev.solo.label.LabelCounts;
import dev.solo.label.LabelSource;
import dev.solo.metrics.AccuracyRecord;
import dev.solo.metrics.Estimate;
import dev.solo.store.Store;
import dev.solo.workflow.WorkflowState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a finished task comes to, as the tutorial's "Solo Mode Complete" shows it: human labels by
 * phase, machine labels by source with their estimated accuracy or precision, the final label
 * distribution, the person's time measured in the labeling loop, the API cost, the dataset's
 * estimated accuracy, and what labeling every item several times would have cost instead.
 *
 * @param llmAccuracy          the machine labels' estimated accuracy (the model's and the functions' together)
 * @param lfPrecisionLow       the mean of the functions' lower precision bounds over the items they label
 * @param humanSeconds         measured between an item showing and its answer
 * @param secondsPerLabelBasis where the rate came from: "configured", "measured" or "default"
 */
public record CompletionSummary(long datasetSize, long humanLabels, Map<String, Long> humanLabelsByPhase,
                                long llmLabels, Estimate llmAccuracy, long lfLabels, Double lfPrecisionLow,
                                long unlabeled, Map<String, Long> labelDistribution, long humanSeconds,
                                double apiCostUsd, Estimate datasetAccuracy, Savings savings) {

    /**
     * Labeling every item {@code labelsPerItem} times against solo's human labels, both at
     * {@code secondsPerLabel} and {@code costPerHour}, plus solo's API fees.
     */
    public record Savings(double secondsPerLabel, String secondsPerLabelBasis, double costPerHour, int labelsPerItem,
                          double baselineHours, double baselineCostUsd, double soloAnnotatorCostUsd, double soloApiCostUsd,
                          double savedShare) {
    }

    /** The summary of a task whose workflow passed; empty for any other. */
    public static Optional<CompletionSummary> of(SoloConfig config, Store store) {
        if (store.workflow().state().status() != WorkflowState.Status.COMPLETE) {
            return Optional.empty();
        }
        LabelCounts counts = store.labeledRows().counts();
        Map<String, Long> byPhase = new LinkedHashMap<>();
        store.humans().labelsByPhase().forEach((phase, count) -> byPhase.put(phase.title(), count));
        Optional<AccuracyRecord> latest = store.accuracy().latest();
        long humanSeconds = store.humans().answerMillis() / 1000;
        double apiCost = store.llmCalls().usage().costUsd();
        var lfPrecision = store.labeledRows().meanConfidence(LabelSource.LABELING_FUNCTION);
        return Optional.of(new CompletionSummary(counts.items(), counts.human(), byPhase, counts.llm(),
                latest.map(record -> record.report().machine()).orElse(null), counts.labelingFunction(),
                lfPrecision.isPresent() ? lfPrecision.getAsDouble() : null, counts.unlabeled(),
                store.labeledRows().valueCounts(), humanSeconds, apiCost,
                latest.map(record -> record.report().dataset()).orElse(null),
                savings(config.solo().completion(), counts, store.humans().answerMillis(), apiCost)));
    }

    static Savings savings(CompletionConfig rates, LabelCounts counts, long answerMillis, double apiCost) {
        double measured = counts.human() == 0 ? 0 : answerMillis / 1000.0 / counts.human();
        double seconds;
        String basis;
        if (rates.secondsPerLabel() != null) {
            seconds = rates.secondsPerLabel();
            basis = "configured";
        } else if (measured >= 1) {
            seconds = measured;
            basis = "measured";
        } else {
            seconds = CompletionConfig.FALLBACK_SECONDS_PER_LABEL;
            basis = "default";
        }
        double baselineHours = counts.items() * rates.baselineLabelsPerItem() * seconds / 3600;
        double baselineCost = baselineHours * rates.costPerHour();
        double annotatorCost = counts.human() * seconds / 3600 * rates.costPerHour();
        double saved = baselineCost == 0 ? 0 : 1 - (annotatorCost + apiCost) / baselineCost;
        return new Savings(seconds, basis, rates.costPerHour(), rates.baselineLabelsPerItem(), baselineHours, baselineCost,
                annotatorCost, apiCost, saved);
    }
}
