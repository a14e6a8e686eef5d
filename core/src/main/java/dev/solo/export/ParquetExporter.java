package dev.solo.export;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import dev.solo.label.LabeledRow;
import dev.solo.store.LabeledRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * Writes the labels in the long layout Potato uses: one row per item and scheme with
 * {@code instance_id, schema_name, value, source, confidence, annotator, phase, timestamp}, and
 * their provenance: {@code labeler} (the model behind a model label), {@code guideline_version},
 * {@code lf_names} (every enabled labeling function that fires on the item, a list) and {@code pool} (what
 * chose a human-labeled item).
 * Written with a local file, no Hadoop file system.
 */
public final class ParquetExporter {
    static final MessageType SCHEMA = Types.buildMessage()
            .required(BINARY).as(LogicalTypeAnnotation.stringType()).named("instance_id")
            .required(BINARY).as(LogicalTypeAnnotation.stringType()).named("schema_name")
            .required(BINARY).as(LogicalTypeAnnotation.stringType()).named("value")
            .required(BINARY).as(LogicalTypeAnnotation.stringType()).named("source")
            .required(DOUBLE).named("confidence")
            .required(BINARY).as(LogicalTypeAnnotation.stringType()).named("annotator")
            .required(INT32).named("phase")
            .required(INT64).as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
            .named("timestamp")
            .required(BINARY).as(LogicalTypeAnnotation.stringType()).named("labeler")
            .required(INT32).named("guideline_version")
            .requiredList().requiredElement(BINARY).as(LogicalTypeAnnotation.stringType()).named("lf_names")
            .required(BINARY).as(LogicalTypeAnnotation.stringType()).named("pool")
            .named("annotation");

    /** Writes the labels to {@code file}; returns the number of rows. */
    public long export(LabeledRows labels, Path file) throws IOException {
        return LabelFiles.writeAll(labels, List.of(open(file)));
    }

    /** Starts the file; each row written to it becomes a row of the table. */
    public LabelFile open(Path file) throws IOException {
        ParquetWriter<Group> writer = writer(file);
        SimpleGroupFactory rows = new SimpleGroupFactory(SCHEMA);
        return new LabelFile() {
            @Override
            public void write(LabeledRow row) throws IOException {
                writer.write(group(rows, row));
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        };
    }

    private static Group group(SimpleGroupFactory rows, LabeledRow row) {
        Group group = rows.newGroup()
                .append("instance_id", row.itemId())
                .append("schema_name", row.schemaName())
                .append("value", row.value())
                .append("source", row.source().exportName())
                .append("confidence", row.confidence())
                .append("annotator", row.annotator())
                .append("phase", row.phase())
                .append("timestamp", row.timestamp().toEpochMilli())
                .append("labeler", row.labeler())
                .append("guideline_version", row.setupVersion());
        Group names = group.addGroup("lf_names");
        row.functions().forEach(name -> names.addGroup("list").append("element", name));
        return group.append("pool", row.pool());
    }

    private static ParquetWriter<Group> writer(Path temporary) throws IOException {
        return ExampleParquetWriter.builder(new LocalOutputFile(temporary))
                .withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }
}
