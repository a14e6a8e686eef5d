package dev.solo.config;

import java.util.Objects;

/** Where the Parquet copy of the export goes, if anywhere. */
public record ParquetExport(Boolean enabled, String outputDir) {
    public static final ParquetExport DISABLED = new ParquetExport(false, null);

    public ParquetExport {
        enabled = Objects.requireNonNullElse(enabled, false);
        outputDir = Objects.requireNonNullElse(outputDir, "output/parquet/");
    }
}
