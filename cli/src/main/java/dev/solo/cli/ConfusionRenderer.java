package dev.solo.cli;

import dev.solo.metrics.ConfusionReport;
import java.util.Locale;

/** The text form of {@code solo confusion}, in Potato's layout, with the matrix and examples after it. */
final class ConfusionRenderer {
    private ConfusionRenderer() {
    }

    static String render(ConfusionReport report) {
        StringBuilder text = new StringBuilder();
        String title = "Confusion Analysis (Round " + report.round() + ")";
        line(text, title);
        line(text, "=".repeat(title.length()));
        line(text, String.format(Locale.ROOT, "Overall Accuracy: %.2f (target: %.2f)", report.accuracy(),
                report.accuracyTarget()));
        line(text, "Top Confusion Pairs:");
        if (report.pairs().isEmpty()) {
            line(text, "  none: the model agreed with every human label compared");
        }
        for (ConfusionReport.Pair pair : report.pairs()) {
            line(text, String.format(Locale.ROOT, "  %s -> %s: %d %s (%.1f%%)", pair.human(), pair.model(),
                    pair.count(), pair.count() == 1 ? "instance" : "instances", pair.share() * 100));
            line(text, "      e.g. " + String.join(", ", pair.exampleIds()));
        }
        line(text, "Per-Class Performance:");
        for (ConfusionReport.ClassScore score : report.perClass()) {
            line(text, String.format(Locale.ROOT, "  %s: P=%.2f R=%.2f F1=%.2f", score.label(), score.precision(),
                    score.recall(), score.f1()));
        }
        line(text, "Confusion Matrix (rows: human label, columns: model label):");
        int width = report.labels().stream().mapToInt(String::length).max().orElse(5) + 2;
        StringBuilder header = new StringBuilder(" ".repeat(width + 2));
        report.labels().forEach(label -> header.append(String.format("%" + width + "s", label)));
        line(text, header.toString());
        for (int h = 0; h < report.labels().size(); h++) {
            StringBuilder row = new StringBuilder(String.format("  %-" + width + "s", report.labels().get(h)));
            for (int m = 0; m < report.labels().size(); m++) {
                row.append(String.format("%" + width + "d", report.matrix()[h][m]));
            }
            line(text, row.toString());
        }
        line(text, String.format(Locale.ROOT, "Compared: %d human labels with predictions of %s (%s); "
                + "calibration error %.3f.", report.compared(), report.labeler(), report.method(),
                report.calibrationError()));
        if (report.belowMinSamples()) {
            line(text, String.format(Locale.ROOT, "Note: fewer than min_samples (%d) labels compared; "
                    + "these figures are rough.", report.minSamples()));
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append(System.lineSeparator());
    }
}
