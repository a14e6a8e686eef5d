package dev.solo.cli;

import dev.solo.human.LabelPair;
import dev.solo.metrics.Agreement;
import dev.solo.status.VerificationReport;
import java.util.Locale;
import java.util.stream.Collectors;

/** Agreement with the second annotator, as {@code status} sums it up and {@code verify} lists it. */
final class VerificationRenderer {
    private static final int TEXT_SHOWN = 70;

    private VerificationRenderer() {
    }

    /** One line: how much of the sample both labeled, kappa with its interval, agreement per label. */
    static String summary(VerificationReport report) {
        String head = String.format(Locale.ROOT, "Verification (%s): %,d of %,d sampled items labeled by both",
                report.annotator(), report.labeledByBoth(), report.sampleSize());
        Agreement agreement = report.agreement();
        if (agreement == null) {
            return head + " (run solo start CONFIG --annotator " + report.annotator() + ")";
        }
        String perLabel = agreement.perLabel().entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .map(entry -> String.format(Locale.ROOT, "%s %.2f", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
        return head + String.format(Locale.ROOT, " · Cohen's kappa %s · agreement %.2f · per label: %s · %d disagreements "
                + "(solo verify lists them)", agreement.kappa(), agreement.observed(), perLabel, report.disagreements().size());
    }

    /** The summary, then each disagreement for adjudication. */
    static String full(VerificationReport report) {
        StringBuilder text = new StringBuilder(summary(report)).append(System.lineSeparator());
        if (!report.disagreements().isEmpty()) {
            text.append("Disagreements (label in force by its annotator / second annotator):").append(System.lineSeparator());
        }
        for (LabelPair pair : report.disagreements()) {
            String shown = pair.text().replaceAll("\\s+", " ");
            if (shown.length() > TEXT_SHOWN) {
                shown = shown.substring(0, TEXT_SHOWN - 1) + "…";
            }
            text.append(String.format(Locale.ROOT, "  %s  %s (%s) / %s (%s)  %s%n", pair.itemId(), pair.first(),
                    pair.firstAnnotator(), pair.second(), report.annotator(), shown));
        }
        return text.toString();
    }
}
