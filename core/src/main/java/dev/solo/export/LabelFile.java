package dev.solo.export;

import dev.solo.label.LabeledRow;
import java.io.Closeable;
import java.io.IOException;

/** One export file being written in one format, a labeled row at a time; closing finishes the file. */
public interface LabelFile extends Closeable {
    void write(LabeledRow row) throws IOException;
}
