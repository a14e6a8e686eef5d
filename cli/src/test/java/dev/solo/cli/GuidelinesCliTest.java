package dev.solo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Phase 4 from the command line: the oracle's --approve decides, status and solo guidelines show the result. */
class GuidelinesCliTest {
    @TempDir
    Path dir;

    @Test
    void theOracleApprovesEverySuggestionWithApproveAllAndStatusAndGuidelinesShowTheNewVersion() throws IOException {
        Path config = ReviewsTask.copyOnTheFastestModel(dir, 150);
        // Prompt optimization would make the next setup version; this test is about the guidelines.
        Files.writeString(config, Files.readString(config).replace("prompt_optimization:\n      enabled: true",
                "prompt_optimization:\n      enabled: false"));

        SoloRun start = SoloRun.of("start", config.toString(), "--oracle", dir.resolve("gold.jsonl").toString(),
                "--seed", "3", "--approve", "all");

        assertThat(start.exit()).as(start.err()).isZero();
        assertThat(start.out()).containsPattern("Phase 4 \\(Guideline Refinement\\) finished: ([1-9]) of \\1 suggested "
                + "edits accepted by oracle \\(--approve all\\); guidelines version 2")
                .contains("Complete: every item is labeled.");
        SoloRun status = SoloRun.of("status", "--config", config.toString());
        assertThat(status.out()).contains("Guidelines: version 2 (by oracle (--approve all); solo guidelines shows them)");
        SoloRun guidelines = SoloRun.of("guidelines", "--config", config.toString());
        assertThat(guidelines.exit()).isZero();
        assertThat(guidelines.out()).startsWith("Guidelines, version 2:\nWhat is the overall sentiment")
                .containsPattern("\n- Texts (with|like) .* are (Positive|Neutral|Negative), not (Positive|Neutral|Negative)\\.")
                .contains("History:\n  1  ")
                .containsPattern("  2  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC  by oracle \\(--approve all\\)  \\(round 1: ");
    }

    @Test
    void guidelinesBeforeAnyStartShowTheConfigsDescription() throws IOException {
        Path config = ReviewsTask.copy(dir, 20);

        SoloRun guidelines = SoloRun.of("guidelines", "--config", config.toString());

        assertThat(guidelines.exit()).isZero();
        assertThat(guidelines.out()).startsWith("Guidelines (from the config; the task has not started):\nWhat is the");
        assertThat(dir.resolve(".solo")).doesNotExist();
    }

    @Test
    void approveWithoutTheOracleIsRefusedBeforeAnythingRuns() throws IOException {
        Path config = ReviewsTask.copy(dir, 20);

        SoloRun start = SoloRun.of("start", config.toString(), "--approve", "all");

        assertThat(start.exit()).isEqualTo(2);
        assertThat(start.err().strip()).isEqualTo("solo: --approve decides for the oracle (pass --oracle FILE too, "
                + "or drop --approve and decide in the terminal)");
        assertThat(dir.resolve(".solo")).doesNotExist();
    }
}
