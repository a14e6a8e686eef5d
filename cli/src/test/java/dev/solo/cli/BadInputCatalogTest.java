package dev.solo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input and fault of {@link BadInputCases} gets its exit code and one line on standard
 * error naming the file (and the line, where there is one) with no Java class name, and leaves
 * the task's state file byte for byte as it was (or, on a task not started, creates none).
 *
 * <p>A started task (30 items, 6 seed labels, MiniLM) is made once; each case works on a copy.
 */
class BadInputCatalogTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    static Path template;

    @TempDir
    static Path startedTemplate;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeATaskAndStartACopyOfIt() throws IOException {
        small(template);
        ReviewsTask.copyStarted(template, startedTemplate);
        SoloRun run = SoloRun.of("start", startedTemplate.resolve("config.yaml").toString(), "--oracle",
                startedTemplate.resolve("gold.jsonl").toString(), "--seed", "7");
        assertThat(run.exit()).as("the template start failed: %s", run.err()).isEqualTo(0);
    }

    /** The reviews example on MiniLM with 30 items and a seed of 6: a start takes seconds. */
    private static void small(Path target) throws IOException {
        Path config = ReviewsTask.copyOnTheFastestModel(target, 30);
        BadInput.edit(config, "seed_count: 50", "seed_count: 6");
        BadInput.edit(config, "      count: 50", "      count: 6");
        BadInput.edit(config, "batch_size: 200", "batch_size: 10");
    }

    static Stream<BadInput> catalog() {
        return Stream.of(BadInputCases.config(), BadInputCases.data(), BadInputCases.gold(),
                BadInputCases.stateAndOutputs()).flatMap(List::stream);
    }

    @Test
    void theCatalogHoldsAtLeastFiftyCases() {
        assertThat(catalog().count()).isGreaterThanOrEqualTo(50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void answersInOneLineAndLeavesTheStateAsItWas(BadInput bad) throws Exception {
        Path config = ReviewsTask.copyStarted(bad.started() ? startedTemplate : template, dir);
        String[] command = bad.fault().apply(dir, config);
        Path state = dir.resolve(".solo/state.db");
        byte[] before = Files.isRegularFile(state) ? Files.readAllBytes(state) : null;

        SoloRun run = SoloRun.of(command);

        List<String> lines = run.err().lines().filter(line -> !line.isBlank()).toList();
        assertThat(run.exit()).as("exit code; stderr: %s", run.err()).isEqualTo(bad.exit());
        assertThat(lines).as("stderr").hasSize(1);
        String message = lines.get(0);
        assertThat(message).startsWith("solo: ").contains(bad.file())
                .doesNotContainPattern("\\w+(Exception|Error)\\b")
                .doesNotContainPattern("\\bjava\\.");
        if (bad.line() > 0) {
            assertThat(message).contains(":" + bad.line() + ": ");
        } else if (bad.line() < 0) {
            assertThat(message).containsPattern("\\S:\\d+: ");
        }
        if (before != null) {
            assertThat(Files.readAllBytes(state)).as("the state file is unchanged").isEqualTo(before);
        } else if (!Files.isRegularFile(dir.resolve(".solo"))) {
            assertThat(state).as("no state is created").doesNotExist();
        }
    }

    @Test
    void aByteOrderMarkIsSkippedInDataAndConfig() throws Exception {
        Path config = ReviewsTask.copyStarted(template, dir);
        Files.write(config, concat(BOM, Files.readAllBytes(config)));
        Files.write(dir.resolve("data/more.csv"), concat(BOM, "id,text\nbom-1,A fine film.\n"
                .getBytes(StandardCharsets.UTF_8)));
        Files.write(dir.resolve("data/more.tsv"), concat(BOM, "id\ttext\nbom-2\tA dull film.\n"
                .getBytes(StandardCharsets.UTF_8)));
        BadInput.edit(config, "  - \"data/reviews.jsonl\"\n",
                "  - \"data/reviews.jsonl\"\n  - \"data/more.csv\"\n  - \"data/more.tsv\"\n");

        SoloRun run = SoloRun.of("start", config.toString(), "--non-interactive", "--seed", "7");

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("Imported 32 new items");
    }

    @Test
    void aGoldFileWithAByteOrderMarkIsRead() throws Exception {
        Path config = ReviewsTask.copyStarted(startedTemplate, dir);
        Path gold = dir.resolve("gold.jsonl");
        Files.write(gold, concat(BOM, Files.readAllBytes(gold)));

        SoloRun run = SoloRun.of(BadInput.start(config, dir));

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
    }

    @Test
    void nullTextIsSkippedLikeEmptyText() throws Exception {
        Path config = ReviewsTask.copyStarted(template, dir);
        Files.writeString(dir.resolve("data/reviews.jsonl"), "{\"id\": \"null-text\", \"text\": null}\n"
                + "{\"id\": \"empty-text\", \"text\": \"\"}\n", java.nio.file.StandardOpenOption.APPEND);

        SoloRun run = SoloRun.of("start", config.toString(), "--non-interactive", "--seed", "7");

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("Warning: 2 records with empty text were skipped (reviews.jsonl:31, reviews.jsonl:32)");
    }

    @Test
    void aLabeledItemDeletedFromTheDataIsReportedAndKeepsItsLabel() throws Exception {
        Path config = ReviewsTask.copyStarted(startedTemplate, dir);
        Path out = dir.resolve("before.jsonl");
        SoloRun.of("export", "--config", config.toString(), "--output", out.toString());
        String labeled = Files.readAllLines(out).stream().filter(line -> line.contains("\"source\":\"human\""))
                .findFirst().orElseThrow().replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
        Path data = dir.resolve("data/reviews.jsonl");
        Files.write(data, Files.readAllLines(data).stream().filter(line -> !line.contains("\"" + labeled + "\"")).toList());

        SoloRun run = SoloRun.of(BadInput.start(config, dir));

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("Warning: 1 items you labeled are no longer in the data files (" + labeled + ")");
        SoloRun.of("export", "--config", config.toString(), "--output", dir.resolve("after.jsonl").toString(),
                "--force");
        assertThat(Files.readString(dir.resolve("after.jsonl"))).contains("\"id\":\"" + labeled + "\"");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
