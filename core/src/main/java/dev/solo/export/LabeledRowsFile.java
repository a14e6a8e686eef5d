package dev.solo.export;

import dev.solo.label.LabeledRow;
import dev.solo.store.LabeledRows;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes every labeled row to a file through a temporary file beside it, moved into
 * place only when complete: a failed export leaves the previous file as it was.
 */
final class LabeledRowsFile {
    /** Opens the format's writer on the temporary file. */
    @FunctionalInterface
    interface Opener<W extends Closeable> {
        W open(Path temporary) throws IOException;
    }

    /** Writes one row in the format. */
    @FunctionalInterface
    interface RowWriter<W> {
        void write(W writer, LabeledRow row) throws IOException;
    }

    private LabeledRowsFile() {
    }

    /** Returns the number of rows written. */
    static <W extends Closeable> long write(LabeledRows labels, Path target, Opener<W> opener, RowWriter<W> rowWriter)
            throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = parent.resolve("." + target.getFileName() + ".partial");
        Files.deleteIfExists(temporary);
        long[] rows = {0};
        try (W writer = opener.open(temporary)) {
            labels.forEach(row -> {
                try {
                    rowWriter.write(writer, row);
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(temporary);
            throw e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return rows[0];
    }
}
