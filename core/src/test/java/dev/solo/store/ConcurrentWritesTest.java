package dev.solo.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.config.ItemProperties;
import dev.solo.dataset.DatasetImporter;
import dev.solo.human.HumanExample;
import dev.solo.label.ModelLabel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The person labels while the model writes: no human label is lost, rolled back or delayed behind a queue. */
class ConcurrentWritesTest {
    private static final int ITEMS = 5_000;

    @TempDir
    Path dir;

    private Path stateFile;

    @BeforeEach
    void importItems() throws IOException {
        stateFile = dir.resolve("state.db");
        Path data = Files.writeString(dir.resolve("d.jsonl"), IntStream.range(0, ITEMS)
                .mapToObj(i -> "{\"id\":\"item-" + i + "\",\"text\":\"text " + i + "\"}")
                .collect(Collectors.joining("\n", "", "\n")));
        try (SqliteStore store = SqliteStore.open(stateFile)) {
            new DatasetImporter(store.items()).importFiles(List.of(data), ItemProperties.DEFAULT);
        }
    }

    @Test
    void humanLabelsSavedWhileTheModelRelabelsEveryItemAreAllKept() throws Exception {
        try (SqliteStore store = SqliteStore.open(stateFile)) {
            CompletableFuture<Integer> model = CompletableFuture.supplyAsync(() -> {
                for (int pass = 0; pass < 6; pass++) {
                    store.predictions().save(LabelWritingProcess.predictions(ITEMS, pass));
                }
                return 6;
            });
            List<String> saved = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String id = "item-" + i;
                store.humans().saveLabel(LabelWritingProcess.humanLabel(id, LabelWritingProcess.LABELS.get(i % 3)));
                saved.add(id);
                // Read on this thread while the model's transaction may be open on the other.
                assertThat(store.humans().labeledItemCount()).isEqualTo(i + 1);
            }

            assertThat(model.get(60, TimeUnit.SECONDS)).isEqualTo(6);
            assertThat(store.humans().examples("sentiment")).extracting(HumanExample::itemId)
                    .containsExactlyElementsOf(saved);
            assertThat(store.predictions().count()).isEqualTo(ITEMS);
            assertThat(store.labeledRows().counts().human()).isEqualTo(300);
            assertThat(store.labeledRows().counts().llm()).isEqualTo(ITEMS - 300);
        }
    }

    @Test
    void humanLabelIsCommittedWhileTheModelIsStillSavingEveryItemsPrediction() throws Exception {
        CountDownLatch humanLabelChecked = new CountDownLatch(1);
        // Every item's prediction, many times over: a save of many transactions. Its last row waits
        // until the test has looked, so the save is certainly still under way when it looks.
        List<ModelLabel> passes = new ArrayList<>();
        for (int pass = 0; pass < 20; pass++) {
            passes.addAll(LabelWritingProcess.predictions(ITEMS, pass));
        }
        List<ModelLabel> slowToEnd = new AbstractList<>() {
            @Override
            public ModelLabel get(int index) {
                if (index == passes.size() - 1) {
                    awaitQuietly(humanLabelChecked);
                }
                return passes.get(index);
            }

            @Override
            public int size() {
                return passes.size();
            }
        };
        try (SqliteStore store = SqliteStore.open(stateFile)) {
            CompletableFuture<Void> model = CompletableFuture.runAsync(() -> store.predictions().save(slowToEnd));
            while (store.predictions().count() == 0) {
                Thread.onSpinWait();
            }

            store.humans().saveLabel(LabelWritingProcess.humanLabel("item-7", "Negative"));

            assertThat(committedHumanLabels()).as("visible to another connection: committed").isEqualTo(1);
            assertThat(model).as("the model's save is still under way").isNotDone();
            humanLabelChecked.countDown();
            model.get(60, TimeUnit.SECONDS);
            assertThat(store.predictions().count()).isEqualTo(ITEMS);
        }
    }

    @Test
    void humanLabelSurvivesKillWhileTheModelWrites() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LabelWritingProcess.class.getName(),
                stateFile.toString(), Integer.toString(ITEMS))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> reportedSaved = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && reportedSaved.size() < 200; line = lines.readLine()) {
                if (line.startsWith("saved ")) {
                    reportedSaved.add(line.substring("saved ".length()));
                }
            }
            // SIGKILL: no shutdown hook, no close, no flush.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(reportedSaved).hasSize(200);
        assertThat(integrityCheck()).isEqualTo("ok");
        try (SqliteStore store = SqliteStore.open(stateFile)) {
            List<String> kept = store.humans().examples("sentiment").stream().map(HumanExample::itemId).toList();
            assertThat(kept).startsWith(reportedSaved.toArray(String[]::new));
            assertThat(store.predictions().count()).as("the model was writing when the process died").isPositive();
        }
    }

    private int committedHumanLabels() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + stateFile);
             ResultSet result = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM human_events WHERE kind = 'label'")) {
            return result.getInt(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            // Bounded: should the test fail before counting down, the save still ends.
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String integrityCheck() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + stateFile);
             ResultSet result = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
            return result.getString(1);
        }
    }
}
