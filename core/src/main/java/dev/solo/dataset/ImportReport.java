package dev.solo.dataset;

import java.util.List;

/**
 * What an import did. {@code changedTexts} and {@code emptyTexts} hold "file:line" places (the
 * first few) and their counts hold all of them.
 */
public record ImportReport(long added, long alreadyStored, int unchangedFiles, long changedTextCount,
                           List<String> changedTexts, long emptyTextCount, List<String> emptyTexts) {
    public ImportReport {
        changedTexts = List.copyOf(changedTexts);
        emptyTexts = List.copyOf(emptyTexts);
    }
}
