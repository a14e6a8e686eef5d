package dev.solo.cli;

import dev.solo.status.StatusReport;
import dev.solo.labeler.llm.LlmUsage;
import java.util.Locale;

/** The text form of {@code solo status}, in Potato's layout. */
final class StatusRenderer {
    private StatusRenderer() {
    }

    static String render(StatusReport report) {
        StringBuilder text = new StringBuilder();
        if (report.completion() != null) {
            text.append(CompletionRenderer.render(report.completion())).append(System.lineSeparator());
        }
        line(text, "Solo Mode Status");
        line(text, "================");
        String phase = "Current Phase: " + report.phase() + " (" + report.phaseTitle() + ")";
        if (report.maxBatches() > 0) {
            phase += " - Batch " + report.batch() + "/" + report.maxBatches();
        }
        line(text, phase + stateSuffix(report));
        line(text, String.format(Locale.ROOT, "Human Labels: %,d / ~%,d estimated total (configured budget)",
                report.humanLabels(), report.humanLabelBudget()));
        accuracy(text, report);
        if (report.guidelineVersion() > 0) {
            line(text, "Guidelines: version " + report.guidelineVersion() + " (by " + report.guidelineAuthor()
                    + "; solo guidelines shows them)");
        }
        line(text, String.format(Locale.ROOT, "LF Coverage: %.2f (labeling functions cover %.0f%% of data)",
                report.lfCoverage(), report.lfCoverage() * 100));
        line(text, String.format(Locale.ROOT, "Dataset Size: %,d instances", report.datasetSize()));
        if (report.embeddedItems() < report.datasetSize()) {
            line(text, String.format(Locale.ROOT, "  (embedded with %s: %,d of %,d; the rest is embedded while you "
                    + "label the seeds)", report.embeddingModel(), report.embeddedItems(), report.datasetSize()));
        }
        line(text, String.format(Locale.ROOT, "  - Human labeled: %,d", report.humanLabeled()));
        line(text, String.format(Locale.ROOT, "  - LF labeled: %,d", report.lfLabeled()));
        line(text, String.format(Locale.ROOT, "  - LLM labeled: %,d", report.llmLabeled()));
        line(text, String.format(Locale.ROOT, "  - Unlabeled: %,d", report.unlabeled()));
        if (!report.humanLabelsByPhase().isEmpty()) {
            line(text, "Human labels by phase:");
            report.humanLabelsByPhase().forEach((name, count) ->
                    line(text, String.format(Locale.ROOT, "  - %s: %,d", name, count)));
        }
        if (report.edgeCasesMined() > 0) {
            line(text, String.format(Locale.ROOT, "Edge cases: %,d real items mined near the confusion boundaries and "
                    + "labeled", report.edgeCasesMined()));
        }
        if (report.syntheticItems() > 0) {
            line(text, String.format(Locale.ROOT, "Edge cases written by the remote model: %,d (not part of the dataset; "
                    + "solo export --include-synthetic adds the labeled ones)", report.syntheticItems()));
        }
        if (!report.promptOptimization().isEmpty()) {
            line(text, "Prompt optimization (* in use):");
            report.promptOptimization().forEach(row -> line(text, String.format(Locale.ROOT, "  %s %s: %s %s · %,d calls"
                    + " · $%.2f", row.selected() ? "*" : " ", row.description(), row.metric(), row.score(), row.calls(),
                    row.costUsd())));
        }
        LlmUsage usage = report.llmUsage();
        if (usage.calls() > 0) {
            line(text, String.format(Locale.ROOT, "LLM Calls: %,d (%,d answered from the cache) · tokens %,d in / %,d out"
                    + " · estimated cost $%.2f", usage.calls(), usage.cachedCalls(), usage.inputTokens(),
                    usage.outputTokens(), usage.costUsd()));
        }
        if (report.verification() != null) {
            line(text, VerificationRenderer.summary(report.verification()));
        }
        line(text, String.format(Locale.ROOT, "Human time: %d min %02d s", report.humanSeconds() / 60,
                report.humanSeconds() % 60));
        if (report.randomSeed() != null) {
            line(text, "Random seed: " + report.randomSeed());
        }
        return text.toString();
    }

    /** The random-grounded estimate once there is one; before it, the cross-validated figure, said for what it is. */
    private static void accuracy(StringBuilder text, StatusReport report) {
        if (report.accuracyEstimate() != null) {
            line(text, String.format(Locale.ROOT, "Dataset Accuracy: %s (target: %.2f)", report.accuracyEstimate(),
                    report.accuracyTarget()));
            line(text, "LLM Accuracy: " + report.machineAccuracyEstimate() + " (machine labels alone)");
            if (report.accuracyByRound().size() > 1) {
                line(text, "Accuracy by round: " + report.accuracyByRound().stream()
                        .map(round -> String.format(Locale.ROOT, "%d: %.2f", round.round(), round.dataset().value()))
                        .collect(java.util.stream.Collectors.joining(" · ")));
            }
        } else if (report.llmAccuracy() != null) {
            line(text, String.format(Locale.ROOT, "LLM Accuracy: %.2f on human labels solo chose, not drawn at random "
                    + "(target: %.2f)", report.llmAccuracy(), report.accuracyTarget()));
        } else {
            line(text, String.format(Locale.ROOT, "LLM Accuracy: not measured yet (target: %.2f)", report.accuracyTarget()));
        }
        report.warnings().forEach(warning -> line(text, "Warning: " + warning));
    }

    private static String stateSuffix(StatusReport report) {
        return switch (report.state()) {
            case "waiting_for_human" -> " - waiting for a person (solo start in a terminal)";
            case "not_built" -> " - not built in this version of solo; the workflow stops here";
            case "complete" -> " - complete";
            default -> "";
        };
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append(System.lineSeparator());
    }
}
