package dev.solo.export;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import dev.solo.store.LabeledRows;
import java.io.IOException;
import java.nio.file.Path;
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
 * {@code instance_id, schema_name, value, source, confidence, annotator, phase, timestamp}.
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
            .named("annotation");

    /** Writes the labels to {@code file}; returns the number of rows. */
    public long export(LabeledRows labels, Path file) throws IOException {
        SimpleGroupFactory rows = new SimpleGroupFactory(SCHEMA);
        return LabeledRowsFile.write(labels, file, ParquetExporter::open, (writer, row) -> writer.write(rows.newGroup()
                .append("instance_id", row.itemId())
                .append("schema_name", row.schemaName())
                .append("value", row.value())
                .append("source", row.source().exportName())
                .append("confidence", row.confidence())
                .append("annotator", row.annotator())
                .append("phase", row.phase())
                .append("timestamp", row.timestamp().toEpochMilli())));
    }

    private static ParquetWriter<Group> open(Path temporary) throws IOException {
        return ExampleParquetWriter.builder(new LocalOutputFile(temporary))
                .withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }
}
