package dev.solo.dataset;

import dev.solo.SoloInputException;
import dev.solo.config.ItemProperties;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Streams the records of one data file as items, one at a time, so that a file of any size is
 * read in constant memory. Text may be blank: what to do with it is the importer's decision.
 */
public interface DataFileReader {

    /** Reads every record; throws {@link SoloInputException} naming file and line on a bad one. */
    void read(Path file, ItemProperties properties, Consumer<SourcedItem> consumer);

    /** The reader for the file's type, chosen by its extension. */
    static DataFileReader forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return new JsonlReader();
        }
        if (name.endsWith(".csv")) {
            return new DelimitedReader(',');
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return new DelimitedReader('\t');
        }
        throw new SoloInputException(file, "unsupported data file type", "use .jsonl, .csv or .tsv");
    }
}
