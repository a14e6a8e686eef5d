package dev.solo.export;

import dev.solo.label.LabeledRow;
import dev.solo.store.LabeledRows;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes every labeled row to a file in one format (the caller decides where the file goes, see {@link ExportFiles}). */
final class LabeledRowsFile {
    /** Opens the format's writer on the file. */
    @FunctionalInterface
    interface Opener<W extends Closeable> {
        W open(Path file) throws IOException;
    }

    /** Writes one row in the format. */
    @FunctionalInterface
    interface RowWriter<W> {
        void write(W writer, LabeledRow row) throws IOException;
    }

    private LabeledRowsFile() {
    }

    /** Returns the number of rows written. */
    static <W extends Closeable> long write(LabeledRows labels, Path file, Opener<W> opener, RowWriter<W> rowWriter)
            throws IOException {
        long[] rows = {0};
        try (W writer = opener.open(file)) {
            labels.forEach(row -> {
                try {
                    rowWriter.write(writer, row);
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }
}
