package dev.solo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** The reviews example as a task folder: its config, the first items of its data, its gold file and any state. */
final class ReviewsTask {
    /** The fastest shipped embedding model (README: 490 items/s against e5-small-v2's 217). */
    static final String FASTEST_MODEL = "all-MiniLM-L6-v2";

    private static final Path EXAMPLE = Path.of("..", "examples", "reviews");
    private static final String EXAMPLE_MODEL = "embedding_model: \"e5-small-v2\"";
    private static final String LOCAL_LABELER = "endpoint_type: local";

    private ReviewsTask() {
    }

    /** The example's config, gold file and first {@code items} records in {@code target}; returns the config. */
    static Path copy(Path target, int items) throws IOException {
        Files.createDirectories(target.resolve("data"));
        List<String> data = Files.readAllLines(EXAMPLE.resolve("data/reviews.jsonl")).subList(0, items);
        Files.write(target.resolve("data/reviews.jsonl"), data);
        Files.copy(EXAMPLE.resolve("gold.jsonl"), target.resolve("gold.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        return Files.copy(EXAMPLE.resolve("config.yaml"), target.resolve("config.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Like {@link #copy}, with the seed embeddings and the local labeler on {@link #FASTEST_MODEL}: for tests
     * whose claim does not depend on which model embeds, where e5-small-v2 would only cost time.
     */
    static Path copyOnTheFastestModel(Path target, int items) throws IOException {
        Path config = copy(target, items);
        String text = Files.readString(config);
        if (!text.contains(EXAMPLE_MODEL) || !text.contains(LOCAL_LABELER)) {
            throw new IllegalStateException(config + " no longer names e5-small-v2 and the local labeler: "
                    + "update ReviewsTask so these tests still run on " + FASTEST_MODEL);
        }
        Files.writeString(config, text
                .replace(EXAMPLE_MODEL, "embedding_model: \"" + FASTEST_MODEL + "\"")
                .replace(LOCAL_LABELER, LOCAL_LABELER + "\n    model: \"" + FASTEST_MODEL + "\""));
        return config;
    }

    /**
     * Makes active labeling stop after {@code batches} batches, so that a small copy keeps items for
     * the model to label and the workflow goes on through the refinement loop.
     */
    static void limitActiveLabeling(Path config, int batches) throws IOException {
        String text = Files.readString(config);
        String limit = "max_batches: 15";
        if (!text.contains(limit)) {
            throw new IllegalStateException(config + " no longer says " + limit + ": update ReviewsTask");
        }
        Files.writeString(config, text.replace(limit, "max_batches: " + batches));
    }

    /**
     * Caps what the phases after active labeling ask of the person (10 disagreements, 5 edge cases,
     * 25 escalations, a final sample of 20), so that a small copy runs the whole workflow in seconds
     * and keeps items for the model to label.
     */
    static void shortenLaterPhases(Path config) throws IOException {
        String text = Files.readString(config);
        for (String[] change : new String[][] {{"max_instances: 150", "max_instances: 10"}, {"count: 30", "count: 5"},
                {"escalation_budget: 150", "escalation_budget: 25"}, {"sample_size: 100", "sample_size: 20"}}) {
            if (!text.contains(change[0])) {
                throw new IllegalStateException(config + " no longer says " + change[0] + ": update ReviewsTask");
            }
            text = text.replace(change[0], change[1]);
        }
        Files.writeString(config, text);
    }

    /**
     * Copies the task in {@code template} (config, data, gold file and its {@code .solo} state) into
     * {@code target}, so a test can go on from a started task without starting it again.
     */
    static Path copyStarted(Path template, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(template)) {
            files.forEach(from -> {
                Path to = target.resolve(template.relativize(from).toString());
                try {
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return target.resolve("config.yaml");
    }
}
