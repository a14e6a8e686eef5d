package dev.solo.cli;

import static dev.solo.cli.BadInput.append;
import static dev.solo.cli.BadInput.args;
import static dev.solo.cli.BadInput.edit;
import static dev.solo.cli.BadInput.fresh;
import static dev.solo.cli.BadInput.latin1;
import static dev.solo.cli.BadInput.lineOf;
import static dev.solo.cli.BadInput.start;
import static dev.solo.cli.BadInput.started;
import static dev.solo.cli.BadInput.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The catalog of bad inputs and faults: config, data, gold file, task state, outputs, options. */
final class BadInputCases {
    private static final int BAD_INPUT = 2;
    private static final int FAILURE = 1;
    private static final String LABELS = "      - \"Positive\"\n      - \"Neutral\"\n      - \"Negative\"\n";

    private BadInputCases() {
    }

    static List<BadInput> config() {
        return List.of(
                fresh("config file missing", (dir, config) -> status(dir.resolve("nope.yaml")), BAD_INPUT, "nope.yaml", 0),
                fresh("config is a folder", (dir, config) -> status(dir.resolve("data")), BAD_INPUT, "data", 0),
                fresh("config is empty", (dir, config) -> {
                    Files.writeString(config, "");
                    return status(config);
                }, BAD_INPUT, "config.yaml", 0),
                fresh("config is a list", (dir, config) -> {
                    Files.writeString(config, "- task_name: x\n- data_files: [a.jsonl]\n");
                    return status(config);
                }, BAD_INPUT, "config.yaml", 1),
                fresh("config is one word", (dir, config) -> {
                    Files.writeString(config, "hello\n");
                    return status(config);
                }, BAD_INPUT, "config.yaml", 1),
                fresh("config not UTF-8 on one line", (dir, config) -> {
                    append(config, latin1("# caf# au lait\n"));
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("unclosed quote", (dir, config) -> {
                    edit(config, "task_name: \"Movie Review Sentiment (Solo Mode)\"", "task_name: \"Movie Review");
                    return status(config);
                }, BAD_INPUT, "config.yaml", 3),
                fresh("tab indentation", (dir, config) -> {
                    edit(config, "  id_key: id", "\tid_key: id");
                    return status(config);
                }, BAD_INPUT, "config.yaml", 0),
                fresh("misspelled key", (dir, config) -> {
                    edit(config, "seed_count: 6", "seed_cout: 6");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("misspelled required key", (dir, config) -> {
                    edit(config, "task_name:", "task_nmae:");
                    return status(config);
                }, BAD_INPUT, "config.yaml", 3),
                fresh("misspelled key inside the scheme", (dir, config) -> {
                    edit(config, "    labels:", "    labelz:");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("no labels", (dir, config) -> {
                    edit(config, "    labels:\n" + LABELS, "    labels: []\n");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("a label twice", (dir, config) -> {
                    edit(config, "- \"Neutral\"", "- \"Positive\"");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("an empty label", (dir, config) -> {
                    edit(config, "- \"Neutral\"", "- \"\"");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("one label", (dir, config) -> {
                    edit(config, LABELS, "      - \"Positive\"\n");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("eleven labels", (dir, config) -> {
                    edit(config, LABELS, IntStream.range(0, 11).mapToObj(i -> "      - \"L" + i + "\"\n")
                            .collect(Collectors.joining()));
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("a scheme that is not radio", (dir, config) -> {
                    edit(config, "annotation_type: radio", "annotation_type: multiselect");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("two schemes", (dir, config) -> {
                    edit(config, "output_annotation_dir", "  - {name: topic, labels: [a, b]}\noutput_annotation_dir");
                    return status(config);
                }, BAD_INPUT, "config.yaml", 0),
                fresh("holdout leaves one training label", (dir, config) -> {
                    edit(config, "holdout_fraction: 0.2", "holdout_fraction: 1.0");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("holdout above 1", (dir, config) -> {
                    edit(config, "holdout_fraction: 0.2", "holdout_fraction: 2");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("seed smaller than the label set", (dir, config) -> {
                    edit(config, "      count: 6", "      count: 2");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("a word for a number", (dir, config) -> {
                    edit(config, "seed_count: 6", "seed_count: six");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("unknown selection", (dir, config) -> {
                    edit(config, "selection: diversity", "selection: clusters");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("unknown embedding model", (dir, config) -> {
                    edit(config, "embedding_model: \"all-MiniLM-L6-v2\"", "embedding_model: \"bert-large\"");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("a key twice", (dir, config) -> {
                    edit(config, "task_dir: \".\"", "task_dir: \".\"\ntask_dir: \"..\"");
                    return status(config);
                }, BAD_INPUT, "config.yaml", 0),
                fresh("fallback phase out of range", (dir, config) -> {
                    edit(config, "min_accuracy: 0.93", "min_accuracy: 0.93\n      fallback_phase: 12");
                    return status(config);
                }, BAD_INPUT, "config.yaml", -1),
                fresh("negative pool weight", (dir, config) -> {
                    edit(config, "weight: 0.30", "weight: -0.30");
                    return status(config);
                }, BAD_INPUT, "config.yaml", 0),
                fresh("unset variable in task_dir", (dir, config) -> {
                    edit(config, "task_dir: \".\"", "task_dir: \"${SOLO_CATALOG_UNSET}\"");
                    return status(config);
                }, BAD_INPUT, "config.yaml", 4),
                fresh("no data_files", (dir, config) -> {
                    edit(config, "data_files:\n  - \"data/reviews.jsonl\"\n", "");
                    return status(config);
                }, BAD_INPUT, "config.yaml", 0),
                fresh("a remote labeler without a model", (dir, config) -> {
                    edit(config, "endpoint_type: local\n    model: \"all-MiniLM-L6-v2\"", "endpoint_type: openai");
                    return status(config);
                }, BAD_INPUT, "config.yaml", 0));
    }

    static List<BadInput> data() {
        return List.of(
                started("data file missing", (dir, config) -> {
                    Files.delete(dir.resolve("data/reviews.jsonl"));
                    return start(config, dir);
                }, BAD_INPUT, "reviews.jsonl", 0),
                started("data file is a folder", (dir, config) -> {
                    Files.delete(dir.resolve("data/reviews.jsonl"));
                    Files.createDirectory(dir.resolve("data/reviews.jsonl"));
                    return start(config, dir);
                }, BAD_INPUT, "reviews.jsonl", 0),
                started("data file of an unknown type", (dir, config) -> extra(dir, config, "more.xlsx", "id,text\n"),
                        BAD_INPUT, "more.xlsx", 0),
                started("line not JSON", (dir, config) -> more(dir, config, "{\"id\": \"n1\", \"text\": \"fine\"}\n{oops\n"),
                        BAD_INPUT, "more.jsonl", 2),
                started("line a JSON list", (dir, config) -> more(dir, config, "[1, 2]\n"), BAD_INPUT, "more.jsonl", 1),
                started("no id", (dir, config) -> more(dir, config, "{\"text\": \"fine\"}\n"), BAD_INPUT, "more.jsonl", 1),
                started("id an object", (dir, config) -> more(dir, config, "{\"id\": {}, \"text\": \"fine\"}\n"),
                        BAD_INPUT, "more.jsonl", 1),
                started("text an object", (dir, config) -> more(dir, config, "{\"id\": \"n1\", \"text\": {\"a\": 1}}\n"),
                        BAD_INPUT, "more.jsonl", 1),
                started("text a list", (dir, config) -> more(dir, config, "\n{\"id\": \"n1\", \"text\": [\"a\"]}\n"),
                        BAD_INPUT, "more.jsonl", 2),
                started("no text", (dir, config) -> more(dir, config, "{\"id\": \"n1\", \"body\": \"fine\"}\n"),
                        BAD_INPUT, "more.jsonl", 1),
                started("an id twice", (dir, config) -> more(dir, config,
                        "{\"id\": \"n1\", \"text\": \"a\"}\n{\"id\": \"n1\", \"text\": \"b\"}\n"), BAD_INPUT, "more.jsonl", 2),
                started("JSONL not UTF-8", (dir, config) -> {
                    Path more = dir.resolve("data/more.jsonl");
                    Files.writeString(more, "{\"id\": \"n1\", \"text\": \"fine\"}\n");
                    append(more, latin1("{\"id\": \"n2\", \"text\": \"caf#\"}\n"));
                    return withData(dir, config, "more.jsonl");
                }, BAD_INPUT, "more.jsonl", 2),
                started("CSV not UTF-8", (dir, config) -> {
                    Path more = dir.resolve("data/more.csv");
                    Files.writeString(more, "id,text\nn1,fine\nn2,good\n");
                    append(more, latin1("n3,caf#\n"));
                    return withData(dir, config, "more.csv");
                }, BAD_INPUT, "more.csv", 4),
                started("CSV without the id column", (dir, config) -> extra(dir, config, "more.csv", "key,text\nn1,fine\n"),
                        BAD_INPUT, "more.csv", 2),
                started("CSV with too many columns", (dir, config) -> extra(dir, config, "more.csv",
                        "id,text\nn1,fine\nn2,a,b\n"), BAD_INPUT, "more.csv", 3),
                started("TSV without the text column", (dir, config) -> extra(dir, config, "more.tsv", "id\tbody\nn1\tfine\n"),
                        BAD_INPUT, "more.tsv", 2));
    }

    static List<BadInput> gold() {
        return List.of(
                started("gold file missing", (dir, config) -> {
                    Files.delete(dir.resolve("gold.jsonl"));
                    return start(config, dir);
                }, BAD_INPUT, "gold.jsonl", 0),
                started("gold file is a folder", (dir, config) -> args("start", config.toString(), "--oracle",
                        dir.resolve("data").toString()), BAD_INPUT, "data", 0),
                started("gold line not JSON", (dir, config) -> gold(dir, "{\"id\": \"a\", \"label\": \"Positive\"}\nnope\n"),
                        BAD_INPUT, "gold.jsonl", 2),
                started("gold label outside the scheme", (dir, config) -> gold(dir, "{\"id\": \"a\", \"label\": \"Great\"}\n"),
                        BAD_INPUT, "gold.jsonl", 1),
                started("gold line without a label", (dir, config) -> gold(dir, "{\"id\": \"a\"}\n"), BAD_INPUT, "gold.jsonl", 1),
                started("gold id twice", (dir, config) -> gold(dir,
                        "{\"id\": \"a\", \"label\": \"Positive\"}\n{\"id\": \"a\", \"label\": \"Negative\"}\n"),
                        BAD_INPUT, "gold.jsonl", 2),
                started("gold not UTF-8", (dir, config) -> {
                    Files.writeString(dir.resolve("gold.jsonl"), "{\"id\": \"a\", \"label\": \"Positive\"}\n");
                    append(dir.resolve("gold.jsonl"), latin1("{\"id\": \"caf#\", \"label\": \"Positive\"}\n"));
                    return start(dir.resolve("config.yaml"), dir);
                }, BAD_INPUT, "gold.jsonl", 2));
    }

    static List<BadInput> stateAndOutputs() {
        return List.of(
                started("state file emptied", (dir, config) -> {
                    Files.write(dir.resolve(".solo/state.db"), new byte[0]);
                    return status(config);
                }, FAILURE, "state.db", 0),
                started("state file not SQLite", (dir, config) -> {
                    Files.writeString(dir.resolve(".solo/state.db"), "this is not a database at all, sorry");
                    return status(config);
                }, FAILURE, "state.db", 0),
                started("state file damaged, status", (dir, config) -> damage(dir, status(config)), FAILURE, "state.db", 0),
                started("state file damaged, start", (dir, config) -> damage(dir, start(config, dir)), FAILURE, "state.db", 0),
                started("state file damaged, export", (dir, config) -> damage(dir, args("export", "--config",
                        config.toString(), "--output", dir.resolve("out.jsonl").toString())), FAILURE, "state.db", 0),
                started("state file from a newer solo", (dir, config) -> {
                    try (Connection state = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".solo/state.db"))) {
                        state.createStatement().execute("PRAGMA user_version = 999");
                    }
                    return status(config);
                }, FAILURE, "state.db", 0),
                fresh(".solo is a file", (dir, config) -> {
                    Files.writeString(dir.resolve(".solo"), "not a folder");
                    return start(config, dir);
                }, FAILURE, ".solo", 0),
                started("export onto a folder", (dir, config) -> args("export", "--config", config.toString(), "--output",
                        dir.resolve("data").toString(), "--force"), BAD_INPUT, "data", 0),
                started("export over a file without --force", (dir, config) -> args("export", "--config",
                        config.toString(), "--output", dir.resolve("gold.jsonl").toString()), BAD_INPUT, "gold.jsonl", 0),
                started("export below a file", (dir, config) -> args("export", "--config", config.toString(), "--output",
                        dir.resolve("gold.jsonl/out.jsonl").toString()), FAILURE, "gold.jsonl", 0),
                started("Parquet folder is a file", (dir, config) -> {
                    Files.createDirectories(dir.resolve("output"));
                    Files.writeString(dir.resolve("output/parquet"), "a file");
                    return args("export", "--config", config.toString(), "--output", dir.resolve("out.jsonl").toString());
                }, FAILURE, "parquet", 0),
                started("confusion for a round never analysed", (dir, config) -> args("confusion", "--config",
                        config.toString(), "--round", "9"), BAD_INPUT, "config.yaml", 0),
                started("another seed", (dir, config) -> args("start", config.toString(), "--non-interactive", "--seed", "8"),
                        BAD_INPUT, ".solo", 0));
    }

    private static String[] more(Path dir, Path config, String jsonl) throws Exception {
        return extra(dir, config, "more.jsonl", jsonl);
    }

    private static String[] extra(Path dir, Path config, String name, String content) throws Exception {
        Files.writeString(dir.resolve("data").resolve(name), content, StandardCharsets.UTF_8);
        return withData(dir, config, name);
    }

    private static String[] withData(Path dir, Path config, String name) throws Exception {
        edit(config, "  - \"data/reviews.jsonl\"\n", "  - \"data/reviews.jsonl\"\n  - \"data/" + name + "\"\n");
        return start(config, dir);
    }

    private static String[] gold(Path dir, String content) throws Exception {
        Files.writeString(dir.resolve("gold.jsonl"), content);
        return start(dir.resolve("config.yaml"), dir);
    }

    /** Overwrites pages in the middle of the state file, as a failing disk would. */
    private static String[] damage(Path dir, String[] command) throws Exception {
        Path state = dir.resolve(".solo/state.db");
        byte[] bytes = Files.readAllBytes(state);
        for (int i = 4096; i < Math.min(bytes.length, 4096 * 6); i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(state, bytes);
        return command;
    }
}
