package dev.solo.export;

import dev.solo.store.LabeledRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes every labeled row to several files from one read of the labels: at a million items the read is
 * most of an export's time, so the JSONL and the Parquet file share it.
 */
public final class LabelFiles {
    private LabelFiles() {
    }

    /** Writes each row to every file in turn and closes them all; returns the number of rows. */
    public static long writeAll(LabeledRows labels, List<LabelFile> files) throws IOException {
        long[] rows = {0};
        IOException failure = null;
        try {
            labels.forEach(row -> {
                try {
                    for (LabelFile file : files) {
                        file.write(row);
                    }
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            failure = e.getCause();
        }
        for (LabelFile file : files) {
            try {
                file.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return rows[0];
    }
}
