package dev.solo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.solo.human.HumanLabel;
import dev.solo.select.BoundaryMining;
import dev.solo.store.SqliteStore;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that runs to the end: status shows the completion summary (and its figures in JSON for
 * scripts), a second start says the task is complete, and the export carries no warning; an
 * unfinished task's export warns what is missing.
 */
class CompletionCliTest {
    @TempDir
    static Path finished;

    private static Path config;
    private static SoloRun start;

    @TempDir
    Path dir;

    @BeforeAll
    static void runTheExampleToTheEnd() throws IOException {
        config = ReviewsTask.copyOnTheFastestModel(finished, 300);
        String text = Files.readString(config);
        Files.writeString(config, text
                .replace("accuracy_threshold: 0.93", "accuracy_threshold: 0.85")
                .replace("prompt_optimization:\n      enabled: true", "prompt_optimization:\n      enabled: false")
                .replace("sample_size: 100\n      min_accuracy: 0.93", "sample_size: 30\n      min_accuracy: 0.80"));
        start = SoloRun.of("start", config.toString(), "--oracle", finished.resolve("gold.jsonl").toString(), "--seed", "7",
                "--approve", "all");
    }

    @Test
    void theRunPassesAndStatusShowsTheSummary() {
        assertThat(start.exit()).as(start.err()).isEqualTo(0);
        assertThat(start.out()).contains("Phase 12 (Final Validation) passed:").contains("Complete: every item is labeled.");

        SoloRun status = SoloRun.of("status", "--config", config.toString());

        assertThat(status.out()).startsWith("Solo Mode Complete\n==================\nDataset: 300 instances\n")
                .containsPattern("Total human labels: \\d+ \\(\\d+\\.\\d% of the dataset\\)")
                .contains("  Seed Annotation: 50").contains("  Final Validation: 30")
                .containsPattern("LLM labels: \\d+ \\(machine labels' estimated accuracy [01]\\.\\d\\d \\(")
                .containsPattern("  (Positive|Neutral|Negative): \\d+ \\(\\d+\\.\\d%\\)")
                .contains("Estimated multi-annotator cost (3x): ~$125 (900 labels at 20 s each (default), $25/hour)")
                .containsPattern("Savings: ~\\d+%")
                .contains("Current Phase: 12 (Final Validation) - complete");
    }

    @Test
    void statusJsonCarriesTheCompletionFiguresForScripts() throws IOException {
        SoloRun status = SoloRun.of("status", "--config", config.toString(), "--json");

        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.get("state").asText()).isEqualTo("complete");
        JsonNode completion = json.get("completion");
        long human = completion.get("human_labels").asLong();
        assertThat(human + completion.get("llm_labels").asLong() + completion.get("lf_labels").asLong()).isEqualTo(300);
        long distributed = 0;
        for (JsonNode count : completion.get("label_distribution")) {
            distributed += count.asLong();
        }
        assertThat(distributed).isEqualTo(300);
        JsonNode savings = completion.get("savings");
        assertThat(savings.get("baseline_cost_usd").asDouble()).isEqualTo(300 * 3 * 20 / 3600.0 * 25);
        assertThat(savings.get("solo_annotator_cost_usd").asDouble()).isEqualTo(human * 20 / 3600.0 * 25);
        assertThat(completion.get("dataset_accuracy").get("low").asDouble())
                .isEqualTo(json.get("accuracy_estimate").get("low").asDouble()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void aSecondStartSaysTheTaskIsCompleteAndTheExportHasNoWarning() throws IOException {
        Path copy = ReviewsTask.copyStarted(finished, dir);

        SoloRun again = SoloRun.of("start", copy.toString(), "--oracle", dir.resolve("gold.jsonl").toString());
        SoloRun export = SoloRun.of("export", "--config", copy.toString(), "--output", dir.resolve("labels.jsonl").toString());

        assertThat(again.exit()).isEqualTo(0);
        assertThat(again.out()).contains("Task 'Movie Review Sentiment (Solo Mode)' is complete. solo status --config " + copy);
        assertThat(export.exit()).isEqualTo(0);
        assertThat(export.err()).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("labels.jsonl"))).hasSize(300);
    }

    @Test
    void edgeCasesARemoteModelWroteAreExportedOnlyWhenAsked() throws IOException {
        Path copy = ReviewsTask.copyStarted(finished, dir);
        try (SqliteStore store = SqliteStore.open(dir.resolve(".solo/state.db"))) {
            String id = store.items().addSynthetic("synthetic-r1-", List.of("Not bad, if you like that sort of thing.")).get(0);
            store.humans().saveLabel(new HumanLabel(id, "sentiment", "Neutral", Phase.EDGE_CASE_SYNTHESIS, 1, "tester",
                    Instant.now(), 1000, BoundaryMining.POOL, 1));
        }

        SoloRun plain = SoloRun.of("export", "--config", copy.toString(), "--output", dir.resolve("labels.jsonl").toString());
        assertThat(plain.exit()).as(plain.err()).isEqualTo(0);
        List<String> dataset = Files.readAllLines(dir.resolve("labels.jsonl"));
        SoloRun withThem = SoloRun.of("export", "--config", copy.toString(), "--output", dir.resolve("all.jsonl").toString(),
                "--include-synthetic", "--force");
        assertThat(withThem.exit()).as(withThem.err()).isEqualTo(0);
        List<String> all = Files.readAllLines(dir.resolve("all.jsonl"));

        assertThat(dataset).hasSize(300).noneMatch(line -> line.contains("synthetic-"));
        assertThat(all).hasSize(301).containsAll(dataset)
                .contains("{\"id\":\"synthetic-r1-1\",\"sentiment\":\"Neutral\",\"source\":\"human\",\"confidence\":1.0}");
        SoloRun status = SoloRun.of("status", "--config", copy.toString());
        assertThat(status.out()).contains("Dataset Size: 300 instances")
                .contains("Edge cases written by the remote model: 1 (not part of the dataset; "
                        + "solo export --include-synthetic adds the labeled ones)");
    }

    @Test
    void theExportOfAnUnfinishedTaskSaysWhatIsMissing() throws IOException {
        Path unfinished = ReviewsTask.copyOnTheFastestModel(dir, 120);
        SoloRun seeds = SoloRun.of("start", unfinished.toString(), "--non-interactive");
        assertThat(seeds.exit()).isEqualTo(0);

        SoloRun export = SoloRun.of("export", "--config", unfinished.toString(), "--output", dir.resolve("labels.jsonl").toString());

        assertThat(export.exit()).isEqualTo(0);
        assertThat(export.err().strip()).isEqualTo("Warning: the dataset is not complete: the workflow stands at phase "
                + "1 (Seed Annotation), before final validation has checked the machine labels; 120 items have no label yet. "
                + "Run solo start " + unfinished + " to finish.");
    }
}
