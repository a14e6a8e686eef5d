package dev.solo.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.solo.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one JSON line per labeled item: {@code {"id":…,"<scheme>":…,"source":…,"confidence":…}}.
 * Nothing time-dependent is written, so the same labels give the same bytes.
 */
public final class JsonlExporter {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes to {@code target} through a temporary file; returns the number of lines. */
    public long export(Store store, Path target) throws IOException {
        Path temporary = AtomicFiles.temporarySibling(target);
        long[] lines = {0};
        try (OutputStream out = Files.newOutputStream(temporary);
             JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.setRootValueSeparator(null);
            store.forEachLabeledRow(row -> {
                try {
                    json.writeStartObject();
                    json.writeStringField("id", row.itemId());
                    json.writeStringField(row.schemaName(), row.value());
                    json.writeStringField("source", row.source().exportName());
                    json.writeNumberField("confidence", row.confidence());
                    json.writeEndObject();
                    json.writeRaw('\n');
                    lines[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(temporary);
            throw e.getCause();
        }
        AtomicFiles.replace(temporary, target);
        return lines[0];
    }
}
