package dev.solo.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.solo.label.LabeledRow;
import dev.solo.store.LabeledRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one JSON line per labeled item: {@code {"id":…,"<scheme>":…,"source":…,"confidence":…}}.
 * Nothing time-dependent is written, so the same labels give the same bytes.
 */
public final class JsonlExporter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean provenance;

    /** With {@code provenance}, each line also says who made the label, under which guidelines, and why. */
    public JsonlExporter(boolean provenance) {
        this.provenance = provenance;
    }

    /** Writes the labels to {@code file}; returns the number of lines. */
    public long export(LabeledRows labels, Path file) throws IOException {
        return LabelFiles.writeAll(labels, List.of(open(file)));
    }

    /** Starts the file; the rows written to it become its lines. */
    public LabelFile open(Path file) throws IOException {
        JsonGenerator json = generator(file);
        return new LabelFile() {
            @Override
            public void write(LabeledRow row) throws IOException {
                writeLine(json, row);
            }

            @Override
            public void close() throws IOException {
                json.close();
            }
        };
    }

    private void writeLine(JsonGenerator json, LabeledRow row) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", row.itemId());
        json.writeStringField(row.schemaName(), row.value());
        json.writeStringField("source", row.source().exportName());
        json.writeNumberField("confidence", row.confidence());
        if (provenance) {
            json.writeStringField("annotator", row.annotator());
            json.writeStringField("labeler", row.labeler());
            json.writeNumberField("phase", row.phase());
            json.writeNumberField("guideline_version", row.setupVersion());
            json.writeArrayFieldStart("lf_names");
            for (String name : row.functions()) {
                json.writeString(name);
            }
            json.writeEndArray();
            json.writeStringField("pool", row.pool());
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static JsonGenerator generator(Path temporary) throws IOException {
        JsonGenerator json = JSON.getFactory().createGenerator(Files.newOutputStream(temporary));
        json.setRootValueSeparator(null);
        return json;
    }
}
