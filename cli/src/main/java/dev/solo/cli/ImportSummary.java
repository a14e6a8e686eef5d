package dev.solo.cli;

import dev.solo.dataset.ImportReport;
import java.io.PrintWriter;

/** Says what an import did, and warns about what it left alone. */
final class ImportSummary {
    private ImportSummary() {
    }

    static void print(ImportReport report, long itemCount, PrintWriter out) {
        if (report.added() > 0) {
            out.printf("Imported %,d new items (%,d in the task).%n", report.added(), itemCount);
        }
        if (report.changedTextCount() > 0) {
            out.printf("Warning: %,d known ids have a different text in the data files than the one stored (%s%s);"
                            + " the stored texts are kept, as labels refer to them.%n",
                    report.changedTextCount(), String.join(", ", report.changedTexts()),
                    report.changedTextCount() > report.changedTexts().size() ? ", …" : "");
        }
        if (report.emptyTextCount() > 0) {
            out.printf("Warning: %,d records with empty text were skipped (%s%s): there is nothing to label.%n",
                    report.emptyTextCount(), String.join(", ", report.emptyTexts()),
                    report.emptyTextCount() > report.emptyTexts().size() ? ", …" : "");
        }
        if (report.missingLabeled().count() > 0) {
            out.printf("Warning: %,d items you labeled are no longer in the data files (%s%s); their labels stay in "
                            + "the task and are still exported.%n", report.missingLabeled().count(),
                    String.join(", ", report.missingLabeled().firstIds()),
                    report.missingLabeled().count() > report.missingLabeled().firstIds().size() ? ", …" : "");
        }
        out.flush();
    }
}
