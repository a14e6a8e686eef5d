package dev.solo.cli;

import dev.solo.status.CompletionSummary;
import java.util.Locale;

/** The "Solo Mode Complete" summary that {@code solo status} prints once the workflow has passed. */
final class CompletionRenderer {
    private CompletionRenderer() {
    }

    static String render(CompletionSummary summary) {
        StringBuilder text = new StringBuilder();
        line(text, "Solo Mode Complete");
        line(text, "==================");
        line(text, String.format(Locale.ROOT, "Dataset: %,d instances", summary.datasetSize()));
        line(text, String.format(Locale.ROOT, "Total human labels: %,d (%s of the dataset)", summary.humanLabels(),
                percent(summary.humanLabels(), summary.datasetSize())));
        summary.humanLabelsByPhase().forEach((phase, count) -> line(text, String.format(Locale.ROOT, "  %s: %,d", phase, count)));
        line(text, String.format(Locale.ROOT, "LLM labels: %,d%s", summary.llmLabels(), summary.llmAccuracy() == null
                ? "" : " (machine labels' estimated accuracy " + summary.llmAccuracy() + ")"));
        line(text, String.format(Locale.ROOT, "LF labels: %,d%s", summary.lfLabels(), summary.lfPrecisionLow() == null
                ? "" : String.format(Locale.ROOT, " (precision at least %.2f on average, the functions' 95%% lower bounds)",
                summary.lfPrecisionLow())));
        line(text, String.format(Locale.ROOT, "Unlabeled: %,d", summary.unlabeled()));
        line(text, "Final label distribution:");
        long labeled = summary.labelDistribution().values().stream().mapToLong(Long::longValue).sum();
        summary.labelDistribution().forEach((label, count) -> line(text, String.format(Locale.ROOT, "  %s: %,d (%s)", label,
                count, percent(count, labeled))));
        line(text, String.format(Locale.ROOT, "Total human time: %.1f hours (measured in the labeling loop)",
                summary.humanSeconds() / 3600.0));
        CompletionSummary.Savings savings = summary.savings();
        line(text, String.format(Locale.ROOT, "Estimated multi-annotator cost (%dx): ~$%,.0f (%,d labels at %.0f s each (%s), "
                        + "$%.0f/hour)", savings.labelsPerItem(), savings.baselineCostUsd(),
                summary.datasetSize() * savings.labelsPerItem(), savings.secondsPerLabel(), savings.secondsPerLabelBasis(),
                savings.costPerHour()));
        line(text, String.format(Locale.ROOT, "Solo Mode cost: ~$%,.2f (API fees) + ~$%,.0f (annotator time, %,d labels at "
                + "the same rate)", savings.soloApiCostUsd(), savings.soloAnnotatorCostUsd(), summary.humanLabels()));
        line(text, String.format(Locale.ROOT, "Savings: ~%.0f%%", savings.savedShare() * 100));
        if (summary.datasetAccuracy() != null) {
            line(text, "Estimated dataset accuracy: " + summary.datasetAccuracy());
        }
        return text.toString();
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append(System.lineSeparator());
    }
}
