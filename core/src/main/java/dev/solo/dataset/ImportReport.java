package dev.solo.dataset;

import java.util.List;

/**
 * What an import did. {@code changedTexts} and {@code emptyTexts} hold "file:line" places (the
 * first few) and their counts hold all of them; {@code missingLabeled}: items a person labeled
 * whose records are gone from a data file that was read again (their labels stay in the task).
 */
public record ImportReport(long added, long alreadyStored, int unchangedFiles, long changedTextCount,
                           List<String> changedTexts, long emptyTextCount, List<String> emptyTexts,
                           ImportSession.MissingItems missingLabeled) {
    public ImportReport {
        changedTexts = List.copyOf(changedTexts);
        emptyTexts = List.copyOf(emptyTexts);
    }
}
