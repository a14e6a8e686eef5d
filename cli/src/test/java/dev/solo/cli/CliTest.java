package dev.solo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.solo.store.TaskLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands as a script runs them: real files, the real store, the oracle for the person.
 *
 * <p>Starting the example with the oracle embeds 300 items and runs every built phase, so it runs once per
 * class into {@link #started}; a test that goes on from a started task works on its own copy of that folder.
 */
class CliTest {
    @TempDir
    static Path started;

    private static SoloRun startedRun;

    @TempDir
    Path dir;

    private Path config;
    private Path gold;
    private String out;
    private String err;

    @BeforeAll
    static void startTheExampleWithTheOracleOnce() throws IOException {
        Path config = copyExample(started, 300);
        ReviewsTask.shortenLaterPhases(config);
        startedRun = SoloRun.of("start", config.toString(), "--oracle", started.resolve("gold.jsonl").toString(),
                "--seed", "7");
    }

    @BeforeEach
    void copyExampleWithASmallerDataset() throws IOException {
        config = copyExample(dir, 300);
        gold = dir.resolve("gold.jsonl");
    }

    /** The human labels when the workflow passed: the example stops asking at its target, then checks a sample. */
    private static int humanLabels() {
        return Integer.parseInt(finalValidation().group(2));
    }

    /** The random labels the final estimate rests on: active labeling's and final validation's sample. */
    private static int randomLabels() {
        return Integer.parseInt(finalValidation().group(1));
    }

    /** The embedding model of the variant phase 11 kept or selected. */
    private static String modelInForce() {
        Matcher chosen = Pattern.compile("Phase 11 \\(Prompt Optimization\\) finished: .*; (kept|selected) ([\\w.-]+),")
                .matcher(startedRun.out());
        assertThat(chosen.find()).as("phase 11 ran in the shared start: %s", startedRun.out()).isTrue();
        return chosen.group(2);
    }

    /** Whether phase 11 replaced the variant in use (and labeled every item again with the new one). */
    private static boolean variantChanged() {
        Matcher chosen = Pattern.compile("Phase 11 \\(Prompt Optimization\\) finished: .*; (kept|selected) ")
                .matcher(startedRun.out());
        assertThat(chosen.find()).as("phase 11 ran in the shared start").isTrue();
        return chosen.group(1).equals("selected");
    }

    private static Matcher finalValidation() {
        Matcher end = Pattern.compile("Phase 12 \\(Final Validation\\) passed: .*; dataset .* from (\\d+) random labels and "
                + "calibrated confidence; (\\d+) human labels counted as right").matcher(startedRun.out());
        assertThat(end.find()).as("the shared start passed final validation: %s", startedRun.out()).isTrue();
        return end;
    }

    /** This test's own copy of the example started with the oracle and {@code --seed 7}. */
    private void startedWithTheOracle() throws IOException {
        assertThat(startedRun.exit()).as("the shared start failed: %s", startedRun.err()).isEqualTo(0);
        config = ReviewsTask.copyStarted(started, dir);
    }

    @Test
    void startWithTheOracleRunsTheWholeWorkflow() {
        int exit = startedRun.exit();
        out = startedRun.out();

        assertThat(exit).isEqualTo(0);
        assertThat(out).contains("Imported 300 new items")
                .contains("Embedding 300 items with e5-small-v2")
                .contains("Phase 1 (Seed Annotation) finished: 50 of 50 seed items labeled.")
                .containsPattern("Phase 2 \\(Initial Calibration\\) finished: local:e5-small-v2 learned from 40 seed labels; "
                        + "baseline accuracy [01]\\.\\d\\d on 10 held-out seed labels .*; labeled a batch of 200 items")
                .containsPattern("Phase 3 \\(Confusion Analysis\\) finished: accuracy [01]\\.\\d\\d on 50 human labels")
                .containsPattern("Phase 4 \\(Guideline Refinement\\) finished: 0 of \\d suggested edits accepted by oracle \\(--approve none\\); guidelines version 1")
                .containsPattern("Batch 1: 25 labels \\(uncertain \\d+, .*random 5\\) · \\d+/25 agreed with the machine · "
                        + "estimated accuracy [01]\\.\\d\\d \\([01]\\.\\d\\d–[01]\\.\\d\\d\\) from 5 random labels")
                .containsPattern("Phase 6 \\(Active Labeling\\) finished: after batch \\d+, estimated accuracy")
                .containsPattern("Phase 10 \\(Confidence Escalation\\) finished: nothing to escalate: estimated accuracy")
                .containsPattern("Phase 11 \\(Prompt Optimization\\) finished: 6 of 6 variants scored by f1_macro on \\d+ (random|human) "
                        + "labels, out of fold; (kept|selected) ")
                .contains("Phase 12 (Final Validation) passed: ")
                .contains("Complete: every item is labeled. Export with: solo export --config ");
    }

    @Test
    void confusionPrintsTheLatestAnalysisAsTextOrJson() throws IOException {
        startedWithTheOracle();

        assertThat(solo("confusion", "--config", config.toString())).isEqualTo(0);
        assertThat(out).startsWith("Confusion Analysis (Round 1)\n============================\nOverall Accuracy: ")
                .contains("(target: 0.93)")
                .contains("Top Confusion Pairs:")
                .containsPattern("  Positive: P=\\d\\.\\d\\d R=\\d\\.\\d\\d F1=\\d\\.\\d\\d")
                .contains("Compared: 50 human labels with predictions of local:e5-small-v2 (5-fold cross-validation)");
        assertThat(solo("confusion", "--config", config.toString(), "--round", "1", "--json")).isEqualTo(0);
        assertThat(out).contains("\"round\" : 1").contains("\"compared\" : 50").contains("\"per_class\"");
    }

    @Test
    void confusionForARoundNotAnalysedIsOneLineAndCode2() throws IOException {
        startedWithTheOracle();

        assertThat(solo("confusion", "--config", config.toString(), "--round", "4")).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("solo: " + config + ": no confusion analysis for round 4 "
                + "(omit --round to see the latest)");
    }

    @Test
    void confusionBeforeAnyStartSaysWhatToRun() {
        assertThat(solo("confusion", "--config", config.toString())).isEqualTo(2);
        assertThat(err).contains("no confusion analysis yet").contains("solo start " + config);
    }

    @Test
    void statusShowsTheSummaryTheCountsAndThatTheWorkflowPassed() throws IOException {
        startedWithTheOracle();

        int exit = solo("status", "--config", config.toString());

        assertThat(exit).isEqualTo(0);
        assertThat(out).contains("Solo Mode Status")
                .startsWith("Solo Mode Complete\n")
                .contains("Current Phase: 12 (Final Validation) - complete")
                .containsPattern("Dataset Accuracy: [01]\\.\\d\\d \\([01]\\.\\d\\d–[01]\\.\\d\\d\\) from " + randomLabels() + " random labels and "
                        + "calibrated confidence; " + humanLabels() + " human labels counted as right \\(target: 0.93\\)")
                .containsPattern("LLM Accuracy: [01]\\.\\d\\d \\([01]\\.\\d\\d–[01]\\.\\d\\d\\) from " + randomLabels() + " random labels .*\\(machine labels alone\\)")
                .contains("Dataset Size: 300 instances")
                .contains("  - Human labeled: " + humanLabels())
                .contains("  - LLM labeled: " + (300 - humanLabels()))
                .contains("  - Unlabeled: 0")
                .contains("Prompt optimization (* in use):")
                .containsPattern("  \\* " + Pattern.quote(modelInForce()) + ".*: f1_macro [01]\\.\\d\\d \\(.* · 0 calls · \\$0\\.00");
    }

    @Test
    void statusJsonIsForScripts() throws IOException {
        startedWithTheOracle();

        solo("status", "--config", config.toString(), "--json");

        assertThat(out).contains("\"human_labels\" : " + humanLabels()).contains("\"state\" : \"complete\"").contains("\"random_seed\" : 7")
                .containsPattern("\"accuracy_estimate\" : \\{\\s*\"value\" : [01]\\.\\d+,\\s*\"low\" : [01]\\.\\d+,\\s*\"high\" : [01]\\.?\\d*,"
                        + "\\s*\"basis\" : \"" + randomLabels() + " random labels and calibrated confidence; " + humanLabels()
                        + " human labels counted as right\"")
                .contains("\"machine_accuracy_estimate\" : {").contains("\"accuracy_by_round\" : [").contains("\"warnings\" : [");
        JsonNode table = new ObjectMapper().readTree(out).get("prompt_optimization");
        assertThat(table).as("phase 11's table, one row per variant scored").hasSize(6);
        assertThat(table.findValues("selected")).filteredOn(JsonNode::asBoolean).hasSize(1);
        assertThat(table.get(0).get("score").get("low").asDouble()).isLessThanOrEqualTo(table.get(0).get("score").get("value").asDouble());
    }

    @Test
    void exportWritesJsonlAndAParquetFileThatDuckDbReads() throws Exception {
        startedWithTheOracle();
        Path output = dir.resolve("labels.jsonl");

        int exit = solo("export", "--config", config.toString(), "--output", output.toString());

        assertThat(exit).isEqualTo(0);
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(300);
        assertThat(lines).filteredOn(line -> line.contains("\"source\":\"human\"")).hasSize(humanLabels())
                .allMatch(line -> line.matches("\\{\"id\":\"sst5_3class-test-\\d+\",\"sentiment\":\"(Positive|Neutral|Negative)\","
                        + "\"source\":\"human\",\"confidence\":1.0}"));
        assertThat(lines).filteredOn(line -> line.contains("\"source\":\"llm\"")).hasSize(300 - humanLabels())
                .allMatch(line -> line.matches("\\{\"id\":\"sst5_3class-test-\\d+\",\"sentiment\":\"(Positive|Neutral|Negative)\","
                        + "\"source\":\"llm\",\"confidence\":0\\.\\d+}"));
        Path parquet = dir.resolve("output/parquet/annotations.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rows = duck.createStatement().executeQuery("SELECT source, count(*), count(DISTINCT instance_id), "
                     + "min(schema_name), min(confidence), max(confidence), count(value), min(phase), min(annotator) "
                     + "FROM read_parquet('" + parquet + "') GROUP BY source ORDER BY source")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("human");
            assertThat(rows.getLong(2)).isEqualTo(humanLabels());
            assertThat(rows.getLong(3)).isEqualTo(humanLabels());
            assertThat(rows.getString(4)).isEqualTo("sentiment");
            assertThat(rows.getDouble(5)).isEqualTo(1.0);
            assertThat(rows.getLong(7)).isEqualTo(humanLabels());
            assertThat(rows.getInt(8)).isEqualTo(1);
            assertThat(rows.getString(9)).isEqualTo("oracle");
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("llm");
            assertThat(rows.getLong(2)).isEqualTo(300 - humanLabels());
            assertThat(rows.getDouble(5)).isGreaterThan(0.3);
            assertThat(rows.getDouble(6)).isLessThan(1.0);
            if (variantChanged()) {
                assertThat(rows.getInt(8)).as("prompt optimization chose another variant and relabeled every item").isEqualTo(11);
            } else {
                assertThat(rows.getInt(8)).as("prompt optimization kept the variant: no relabel in phase 11").isLessThan(11);
            }
            assertThat(rows.getString(9)).as("the variant prompt optimization left in force").isEqualTo("local:" + modelInForce());
        }
        assertThat(valuesAgreeWithGold(parquet)).isTrue();
    }

    @Test
    void exportRefusesToOverwriteWithoutForce() throws IOException {
        startedWithTheOracle();
        Path output = Files.writeString(dir.resolve("labels.jsonl"), "keep me\n");

        int refused = solo("export", "--config", config.toString(), "--output", output.toString());

        assertThat(refused).isEqualTo(2);
        assertThat(err).contains("labels.jsonl: already exists (pass --force to overwrite it)");
        assertThat(Files.readString(output)).isEqualTo("keep me\n");
        assertThat(solo("export", "--config", config.toString(), "--output", output.toString(), "--force")).isEqualTo(0);
        assertThat(Files.readAllLines(output)).hasSize(300);
    }

    @Test
    void theSameSeedGivesTheSameExportByteForByte() throws IOException {
        // two independent starts through the whole workflow, on the fastest model: the claim holds for any model;
        // one batch of active labeling and short later phases leave items to the model
        config = ReviewsTask.copyOnTheFastestModel(dir, 300);
        Path otherConfig = ReviewsTask.copyOnTheFastestModel(Files.createDirectories(dir.resolve("again")), 300);
        ReviewsTask.limitActiveLabeling(config, 1);
        ReviewsTask.limitActiveLabeling(otherConfig, 1);
        ReviewsTask.shortenLaterPhases(config);
        ReviewsTask.shortenLaterPhases(otherConfig);
        assertThat(solo("start", config.toString(), "--oracle", gold.toString(), "--seed", "11")).isEqualTo(0);
        assertThat(solo("start", otherConfig.toString(), "--oracle", gold.toString(), "--seed", "11")).isEqualTo(0);

        solo("export", "--config", config.toString(), "--output", dir.resolve("a.jsonl").toString());
        solo("export", "--config", otherConfig.toString(), "--output", dir.resolve("b.jsonl").toString());

        assertThat(Files.readString(dir.resolve("a.jsonl"))).as("the model's labels are compared too")
                .contains("\"source\":\"llm\"");
        assertThat(Files.readAllBytes(dir.resolve("a.jsonl"))).isEqualTo(Files.readAllBytes(dir.resolve("b.jsonl")));
    }

    @Test
    void aBadConfigGetsOneLineAndExitCode2AndNoStateIsCreated() throws IOException {
        Files.writeString(config, Files.readString(config).replace("seed_count: 50", "seed_cout: 50"));

        int exit = solo("start", config.toString(), "--oracle", gold.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("solo: " + config + ":15: unknown key 'seed_cout' (did you mean 'seed_count'?)");
        assertThat(dir.resolve(".solo")).doesNotExist();
    }

    @Test
    void aGoldFileWithoutTheAskedIdStopsWithCode2AndKeepsTheLabelsGiven() throws Exception {
        config = ReviewsTask.copyOnTheFastestModel(dir, 60);
        solo("start", config.toString(), "--non-interactive", "--seed", "7");
        String fourthSeed = queuedItem(3);
        Files.write(gold, Files.readAllLines(gold).stream().filter(line -> !line.contains("\"" + fourthSeed + "\""))
                .toList());

        int exit = solo("start", config.toString(), "--oracle", gold.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("solo: " + gold + ": no gold label for id '" + fourthSeed
                + "' (add a line for it; the labels given so far are saved)");
        solo("status", "--config", config.toString(), "--json");
        assertThat(out).contains("\"human_labels\" : 3");
    }

    private String queuedItem(int position) throws SQLException {
        try (Connection state = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".solo/state.db"));
             ResultSet row = state.createStatement().executeQuery(
                     "SELECT item_id FROM queued_items WHERE phase = 1 AND position = " + position)) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void aGoldLabelOutsideTheSchemeIsRefusedBeforeAnythingRuns() throws IOException {
        Files.writeString(gold, "{\"id\": \"x\", \"label\": \"Great\"}\n");

        int exit = solo("start", config.toString(), "--oracle", gold.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("solo: " + gold + ":1: label 'Great' is not one of Positive, Neutral, Negative "
                + "(use the scheme's labels exactly)");
        assertThat(dir.resolve(".solo")).doesNotExist();
    }

    @Test
    void aSecondStartOnARunningTaskFailsAtOnce() {
        try (TaskLock running = TaskLock.tryAcquire(dir.resolve(".solo/state.db")).orElseThrow()) {
            int exit = solo("start", config.toString(), "--oracle", gold.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(err).contains("another solo start is running on this task");
        }
    }

    @Test
    void anotherSeedOnAStartedTaskIsRefused() throws IOException {
        startedWithTheOracle();

        int exit = solo("start", config.toString(), "--non-interactive", "--seed", "8");

        assertThat(exit).isEqualTo(2);
        assertThat(err).contains("this task was started with --seed 7, not 8");
    }

    @Test
    void nonInteractiveStopsCleanlyWhenAPersonIsNeeded() throws IOException {
        config = ReviewsTask.copyOnTheFastestModel(dir, 60);

        int exit = solo("start", config.toString(), "--non-interactive");

        assertThat(exit).isEqualTo(0);
        assertThat(out).contains("Waiting for a person in phase 1 (Seed Annotation)");
        solo("status", "--config", config.toString());
        assertThat(out).contains("waiting for a person");
    }

    @Test
    void versionAndHelpAnswer() {
        assertThat(solo("--version")).isEqualTo(0);
        assertThat(out).startsWith("solo ");
        assertThat(solo("--help")).isEqualTo(0);
        assertThat(out).contains("start").contains("status").contains("confusion").contains("export");
    }

    private boolean valuesAgreeWithGold(Path parquet) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rows = duck.createStatement().executeQuery("SELECT count(*) FILTER (WHERE g.label = p.value), "
                     + "count(*) FROM read_parquet('" + parquet + "') p JOIN read_json_auto('" + gold + "') g "
                     + "ON g.id = p.instance_id WHERE p.source = 'human'")) {
            rows.next();
            return rows.getLong(2) == humanLabels() && rows.getLong(1) == rows.getLong(2);
        }
    }

    private int solo(String... args) {
        SoloRun run = SoloRun.of(args);
        out = run.out();
        err = run.err();
        return run.exit();
    }

    /** The reviews example in {@code target}, with its first {@code items} records. */
    static Path copyExample(Path target, int items) throws IOException {
        return ReviewsTask.copy(target, items);
    }
}
