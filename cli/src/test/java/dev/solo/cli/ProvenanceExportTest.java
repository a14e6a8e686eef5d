package dev.solo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every exported label says what made it: the labeler, the guideline version, the functions and the pool. */
class ProvenanceExportTest {
    @TempDir
    Path dir;

    @Test
    void jsonlWithProvenanceAndParquetCarryTheLabelsProvenanceThatDuckDbReads() throws Exception {
        Path config = ReviewsTask.copyOnTheFastestModel(dir, 300);
        ReviewsTask.limitActiveLabeling(config, 1);
        ReviewsTask.shortenLaterPhases(config);
        SoloRun start = SoloRun.of("start", config.toString(), "--oracle", dir.resolve("gold.jsonl").toString(),
                "--seed", "5", "--approve", "all");
        assertThat(start.exit()).as(start.err()).isZero();
        Path output = dir.resolve("labels.jsonl");

        SoloRun export = SoloRun.of("export", "--config", config.toString(), "--output", output.toString(),
                "--provenance");

        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).filteredOn(line -> line.contains("\"source\":\"human\""))
                .isNotEmpty()
                .allMatch(line -> line.matches("\\{\"id\":\"[^\"]+\",\"sentiment\":\"\\w+\",\"source\":\"human\","
                        + "\"confidence\":1.0,\"annotator\":\"oracle\",\"labeler\":\"\",(\"phase\":1,"
                        + "\"guideline_version\":1,\"lf_names\":\\[],\"pool\":\"diversity\"|\"phase\":6,\"guideline_version\":\\d+,"
                        + "\"lf_names\":\\[],\"pool\":\"(uncertain|disagreement|boundary|novel|error_pattern|random)\"|"
                        + "\"phase\":5,\"guideline_version\":\\d+,\"lf_names\":\\[],\"pool\":\"audit\"|"
                        + "\"phase\":8,\"guideline_version\":\\d+,\"lf_names\":\\[],\"pool\":\"disagreement\"|"
                        + "\"phase\":9,\"guideline_version\":\\d+,\"lf_names\":\\[],\"pool\":\"edge_case\"|"
                        + "\"phase\":10,\"guideline_version\":\\d+,\"lf_names\":\\[],\"pool\":\"(least_confident|random)\"|"
                        + "\"phase\":12,\"guideline_version\":\\d+,\"lf_names\":\\[],\"pool\":\"random\")}"));
        int guidelines = new ObjectMapper().readTree(SoloRun.of("status", "--config", config.toString(), "--json").out())
                .get("guideline_version").asInt();
        assertThat(guidelines).as("the refinement loop approved guidelines").isGreaterThanOrEqualTo(3);
        assertThat(lines).filteredOn(line -> line.contains("\"source\":\"llm\""))
                .isNotEmpty()
                .as("relabeled after the refinement loop, under the guidelines in force")
                .allMatch(line -> line.matches(".*\"labeler\":\"local:[\\w.-]+\",\"phase\":(7|8|9|10|11),"
                        + "\"guideline_version\":" + guidelines + ",\"lf_names\":\\[],\"pool\":\"\"}"));
        Path parquet = dir.resolve("output/parquet/annotations.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rows = duck.createStatement().executeQuery("SELECT source, min(labeler), max(labeler), "
                     + "min(guideline_version), max(len(lf_names)), string_agg(DISTINCT pool, ',' ORDER BY pool), max(pool), "
                     + "count(*) "
                     + "FROM read_parquet('" + parquet + "') GROUP BY source ORDER BY source")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("human");
            assertThat(rows.getString(3)).isEmpty();
            assertThat(rows.getInt(5)).isZero();
            assertThat(rows.getString(6).split(",")).as("the pool that chose each human-labeled item")
                    .contains("diversity", "random", "uncertain").doesNotContain("");
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("llm");
            assertThat(rows.getString(2)).isEqualTo(rows.getString(3)).startsWith("local:");
            assertThat(rows.getInt(4)).as("relabeled under the guidelines in force").isEqualTo(guidelines);
            assertThat(rows.getString(7)).isEmpty();
        }
    }
}
