package dev.solo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second annotator labels the verification sample from a gold file that disagrees with the
 * first on known items: status and verify report their agreement, and verify lists exactly the
 * items they disagree on.
 */
class VerificationCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");

    @TempDir
    static Path task;

    private static Path config;
    private static Map<String, String> gold;
    private static Map<String, String> secondGold;

    @BeforeAll
    static void startWithVerificationOn() throws IOException {
        config = ReviewsTask.copyOnTheFastestModel(task, 300);
        Files.writeString(config, Files.readString(config).replace("  prioritization:",
                "  verification:\n    enabled: true\n    sample_fraction: 0.2\n    annotator: reviewer_1\n  prioritization:"));
        gold = new HashMap<>();
        secondGold = new HashMap<>();
        List<String> lines = new ArrayList<>();
        int index = 0;
        for (String line : Files.readAllLines(task.resolve("gold.jsonl"))) {
            JsonNode record = JSON.readTree(line);
            String id = record.get("id").asText();
            String label = record.get("label").asText();
            // The second annotator disagrees on every fourth item of the file.
            String second = index++ % 4 == 0 ? LABELS.get((LABELS.indexOf(label) + 1) % 3) : label;
            gold.put(id, label);
            secondGold.put(id, second);
            lines.add("{\"id\": \"" + id + "\", \"label\": \"" + second + "\"}");
        }
        Files.write(task.resolve("second.jsonl"), lines);
        SoloRun first = SoloRun.of("start", config.toString(), "--oracle", task.resolve("gold.jsonl").toString(), "--seed", "7");
        assertThat(first.exit()).as(first.err()).isEqualTo(0);
    }

    @Test
    void theSecondAnnotatorLabelsTheSampleAndVerifyListsExactlyTheDisagreements() throws IOException {
        SoloRun second = SoloRun.of("start", config.toString(), "--annotator", "reviewer_1", "--oracle",
                task.resolve("second.jsonl").toString());

        assertThat(second.exit()).as(second.err()).isEqualTo(0);
        assertThat(second.out()).containsPattern("Verification by reviewer_1: \\d+ labeled now; 0 of the sample left.");

        SoloRun verify = SoloRun.of("verify", "--config", config.toString(), "--json");
        JsonNode report = JSON.readTree(verify.out());
        long both = report.get("labeled_by_both").asLong();
        long humanLabels = JSON.readTree(SoloRun.of("status", "--config", config.toString(), "--json").out())
                .get("human_labels").asLong();
        // Binomial(human labels, 0.2): well within four standard deviations.
        double sd = Math.sqrt(humanLabels * 0.2 * 0.8);
        assertThat((double) both).isBetween(humanLabels * 0.2 - 4 * sd, humanLabels * 0.2 + 4 * sd);
        assertThat(report.get("sample_size").asLong()).isEqualTo(both);
        List<String> listed = new ArrayList<>();
        for (JsonNode pair : report.get("disagreements")) {
            String id = pair.get("item_id").asText();
            listed.add(id);
            assertThat(pair.get("first").asText()).isEqualTo(gold.get(id));
            assertThat(pair.get("second").asText()).isEqualTo(secondGold.get(id)).isNotEqualTo(gold.get(id));
        }
        assertThat(listed).isNotEmpty();
        double observed = report.get("agreement").get("observed").asDouble();
        assertThat(observed).isCloseTo(1 - listed.size() / (double) both, within(1e-12));
        JsonNode kappa = report.get("agreement").get("kappa");
        assertThat(kappa.get("low").asDouble()).isLessThan(kappa.get("value").asDouble());
        assertThat(kappa.get("basis").asText()).isEqualTo(both + " items labeled by both");

        SoloRun text = SoloRun.of("verify", "--config", config.toString());
        assertThat(text.out()).startsWith("Verification (reviewer_1): " + both + " of " + both + " sampled items labeled by both"
                + " · Cohen's kappa ").contains("Disagreements (label in force by its annotator / second annotator):")
                .contains("  " + listed.get(0) + "  " + gold.get(listed.get(0)) + " (oracle) / "
                        + secondGold.get(listed.get(0)) + " (reviewer_1)  ");
        assertThat(SoloRun.of("status", "--config", config.toString()).out())
                .contains("Verification (reviewer_1): " + both + " of " + both + " sampled items labeled by both · Cohen's kappa");
    }

    @Test
    void verifyOnATaskWithoutVerificationSaysHowToTurnItOn() throws IOException {
        Path plain = ReviewsTask.copyOnTheFastestModel(Files.createDirectories(task.resolve("plain")), 50);

        SoloRun verify = SoloRun.of("verify", "--config", plain.toString());

        assertThat(verify.exit()).isEqualTo(2);
        assertThat(verify.err()).contains("verification is not enabled for this task")
                .contains("set solo_mode.verification.enabled: true");
    }
}
