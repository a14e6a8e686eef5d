package dev.solo.phases;

import dev.solo.config.ConfigLoader;
import dev.solo.config.ItemProperties;
import dev.solo.config.SoloConfig;
import dev.solo.dataset.DatasetImporter;
import dev.solo.human.Annotator;
import dev.solo.store.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A small real task on disk: config, data file and store. */
final class TaskFixture {
    static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");
    /**
     * Texts for gold labels by {@code i % 3}: some carry their label's word, the rest do not, so a
     * model is sure of some items and unsure of others ("long and slow" films are Positive).
     */
    /** The solo_mode.llm section of a task whose labeler is OpenAI's gpt-4o-mini at {@code baseUrl}. */
    static String openAiAt(String baseUrl) {
        return "  llm:\n    endpoint_type: openai\n    model: gpt-4o-mini\n    api_key: test-key\n"
                + "    base_url: \"" + baseUrl + "\"\n";
    }

    static final IntFunction<String> MIXED = i -> switch (i % 3) {
        case 0 -> (i % 4 == 0 ? "a great film " : "a film, long and slow ") + i;
        case 1 -> (i % 5 == 0 ? "a plain film " : "a film, long and fine ") + i;
        default -> (i % 2 == 0 ? "an awful film " : "a film, long and odd ") + i;
    };

    /**
     * {@code text} after 260 filler words: the embedding models read the first 256 tokens only, so
     * the model sees every such item alike, while a rule reads the words at the end.
     */
    static String pastTheWindow(String text) {
        return FILLER + text;
    }

    private static final String FILLER = "and ".repeat(260);

    final SoloConfig config;
    final SqliteStore store;
    private final List<ConfiguredModels> opened;

    private TaskFixture(SoloConfig config, SqliteStore store) {
        this(config, store, new ArrayList<>());
    }

    private TaskFixture(SoloConfig config, SqliteStore store, List<ConfiguredModels> opened) {
        this.config = config;
        this.store = store;
        this.opened = opened;
    }

    /** The same task and store, with the config's {@code accuracy_threshold} set to {@code threshold}. */
    TaskFixture withThreshold(String threshold) throws IOException {
        Path file = config.file();
        Files.writeString(file, Files.readString(file).replaceAll("accuracy_threshold: [0-9.]+",
                "accuracy_threshold: " + threshold));
        return new TaskFixture(new ConfigLoader().load(file), store, opened);
    }

    static TaskFixture create(Path dir, int items, int seedCount, String selection) throws IOException {
        return create(dir, items, seedCount, selection, "");
    }

    /** {@code morePhases}: further lines under {@code solo_mode.phases}, indented by four spaces. */
    static TaskFixture create(Path dir, int items, int seedCount, String selection, String morePhases)
            throws IOException {
        return create(dir, items, seedCount, selection, morePhases, i -> "word ".repeat(1 + i % 7) + i);
    }

    /** {@code text}: item i's text (plain words, no quotes). */
    static TaskFixture create(Path dir, int items, int seedCount, String selection, String morePhases,
                              IntFunction<String> text) throws IOException {
        String data = IntStream.range(0, items)
                .mapToObj(i -> "{\"id\":\"item-" + i + "\",\"text\":\"" + text.apply(i) + "\"}")
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(dir.resolve("data.jsonl"), data);
        Files.writeString(dir.resolve("config.yaml"), """
                task_name: fixture
                data_files: [data.jsonl]
                annotation_schemes:
                  - {annotation_type: radio, name: sentiment, description: Overall sentiment., labels: [Positive, Neutral, Negative]}
                solo_mode:
                  phases:
                    seed: {count: %d, selection: %s}
                %s""".formatted(seedCount, selection, morePhases));
        SoloConfig config = new ConfigLoader().load(dir.resolve("config.yaml"));
        SqliteStore store = SqliteStore.open(config.stateFile());
        new DatasetImporter(store.items()).importFiles(config.dataFiles(), ItemProperties.DEFAULT);
        return new TaskFixture(config, store);
    }

    /** The workflow of a run on this task, wired as {@code solo start} wires it. */
    Workflow workflow(Optional<Annotator> person, long seed, Consumer<String> announcer) {
        return run(person, seed, announcer).workflow();
    }

    TaskRun run(Optional<Annotator> person, long seed, Consumer<String> announcer) {
        Clock clock = Clock.systemUTC();
        ConfiguredModels models = new ConfiguredModels(config, store, seed, clock, announcer, Optional.empty());
        opened.add(models);
        return new TaskRun(config, store, models, person, seed, clock, announcer);
    }

    /** Stops the runs' background work, then closes the store. */
    void close() {
        opened.forEach(ConfiguredModels::close);
        store.close();
    }

    /** The gold label the fixture's scripted annotators give an item. */
    static String goldFor(String itemId) {
        return LABELS.get(Integer.parseInt(itemId.substring("item-".length())) % LABELS.size());
    }
}
