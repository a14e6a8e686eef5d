package dev.solo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 5 from the command line, on questions whose first word gives the type away. Every "How
 * many" question and half the "Who" ones start after 260 filler words, past the 256 tokens the
 * model reads, so it calls those Who-questions Number; "who" fixes them, and is worth its audit.
 */
class LabelingFunctionsCliTest {
    @TempDir
    Path dir;

    @Test
    void aProvenFunctionLabelsItemsAndStatusJsonListsItWithItsBound() throws Exception {
        List<String> data = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        String[] subjects = {"wrote the play", "painted the ceiling", "built the bridge", "sang the song",
                "found the island", "made the film", "won the race", "led the army"};
        for (int i = 0; i < 480; i++) {
            boolean person = i % 2 == 0;
            String question = person ? "Who " + subjects[i % subjects.length] + " number " + i + "?"
                    : "How many " + subjects[i % subjects.length].split(" ")[2] + "s are there in set " + i + "?";
            String text = person && i % 4 == 0 ? question : "and ".repeat(260) + question;
            data.add("{\"id\":\"q" + i + "\",\"text\":\"" + text + "\"}");
            gold.add("{\"id\":\"q" + i + "\",\"label\":\"" + (person ? "Human" : "Number") + "\"}");
        }
        Files.write(dir.resolve("data.jsonl"), data);
        Files.write(dir.resolve("gold.jsonl"), gold);
        Path config = Files.writeString(dir.resolve("config.yaml"), """
                task_name: Questions
                data_files: [data.jsonl]
                annotation_schemes:
                  - {annotation_type: radio, name: qtype, description: "What does the question ask for?", labels: [Human, Number]}
                solo_mode:
                  llm: {endpoint_type: local, model: all-MiniLM-L6-v2}
                  phases:
                    seed: {count: 20, selection: random, embedding_model: all-MiniLM-L6-v2}
                    prompt_optimization: {enabled: false}
                """);

        SoloRun start = SoloRun.of("start", config.toString(), "--oracle", dir.resolve("gold.jsonl").toString(),
                "--seed", "2", "--approve", "all");

        assertThat(start.exit()).as(start.err()).isZero();
        assertThat(start.out()).containsPattern("Phase 5 \\(Labeling Functions\\) finished: [1-9]\\d* of \\d+ candidate "
                + "labeling functions proven and kept")
                .contains("Complete: every item is labeled.");
        JsonNode status = new ObjectMapper().readTree(SoloRun.of("status", "--config", config.toString(), "--json").out());
        JsonNode who = null;
        for (JsonNode function : status.path("labeling_functions")) {
            if (function.path("name").asText().equals("keyword:who->Human")) {
                who = function;
            }
        }
        assertThat(who).as(status.toPrettyString()).isNotNull();
        assertThat(who.path("enabled").asBoolean()).isTrue();
        assertThat(who.path("n").asInt()).isGreaterThanOrEqualTo(29);
        assertThat(who.path("precision_low").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(who.path("coverage").asDouble()).isEqualTo(0.5);
        assertThat(status.path("lf_coverage").asDouble()).as("items the kept functions vote on").isGreaterThanOrEqualTo(0.5);

        Path output = dir.resolve("labels.jsonl");
        assertThat(SoloRun.of("export", "--config", config.toString(), "--output", output.toString(),
                "--provenance").exit()).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).filteredOn(line -> line.contains("\"sentiment\"") || line.contains("\"qtype\":\"Human\""))
                .filteredOn(line -> !line.contains("\"source\":\"human\""))
                .as("every Who-question names the function that fires on it, whichever label was taken")
                .isNotEmpty()
                .allMatch(line -> line.matches(".*\"lf_names\":\\[[^\\]]*\"keyword:who->Human\"[^\\]]*].*"));
    }
}
