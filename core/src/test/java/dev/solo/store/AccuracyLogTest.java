package dev.solo.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.config.ItemProperties;
import dev.solo.dataset.DatasetImporter;
import dev.solo.human.HumanLabel;
import dev.solo.metrics.AccuracyRecord;
import dev.solo.metrics.AccuracyReport;
import dev.solo.metrics.Estimate;
import dev.solo.metrics.RandomCheck;
import dev.solo.select.QueueEntry;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random human labels check the machine label each item had when it was queued; estimates and warnings persist. */
class AccuracyLogTest {
    @TempDir
    Path dir;

    private SqliteStore store;

    @BeforeEach
    void importFiveItems() throws IOException {
        Path data = Files.writeString(dir.resolve("d.jsonl"), """
                {"id":"a","text":"one"}
                {"id":"b","text":"two"}
                {"id":"c","text":"three"}
                {"id":"d","text":"four"}
                {"id":"e","text":"five"}
                """);
        store = SqliteStore.open(dir.resolve("state.db"));
        new DatasetImporter(store.items()).importFiles(List.of(data), ItemProperties.DEFAULT);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void onlyRandomItemsWithAHumanLabelAndAQueuedMachineLabelAreChecks() {
        store.workflow().saveQueue(Phase.ACTIVE_LABELING, 1, 1, List.of(
                new QueueEntry("a", "random", "drawn at random").withMachineLabel("Positive", 0.9),
                new QueueEntry("b", "random", "drawn at random").withMachineLabel("Positive", 0.6),
                new QueueEntry("c", "uncertain", "confidence 0.4").withMachineLabel("Neutral", 0.4),
                new QueueEntry("d", "random", "drawn at random").withMachineLabel("Negative", 0.7),
                new QueueEntry("e", "random", "drawn at random")));
        label("a", "Positive", "random");
        label("b", "Negative", "random");
        label("c", "Neutral", "uncertain");
        label("e", "Neutral", "random");

        List<RandomCheck> checks = store.accuracy().randomChecks("sentiment");

        // d has no human label yet; e was queued without a machine label; c was not drawn at random.
        assertThat(checks).containsExactly(new RandomCheck(0.9, true), new RandomCheck(0.6, false));
    }

    @Test
    void theQueueKeepsTheMachineLabelItWasChosenWith() {
        QueueEntry entry = new QueueEntry("a", "boundary", "margin 0.02").withMachineLabel("Neutral", 0.51);
        store.workflow().saveQueue(Phase.ACTIVE_LABELING, 2, 3, List.of(entry, new QueueEntry("b", "random", "")));

        assertThat(store.workflow().queue(Phase.ACTIVE_LABELING, 2, 3))
                .containsExactly(entry, new QueueEntry("b", "random", ""));
    }

    @Test
    void reportsAreKeptPerBatchAndTheLatestIsTheLastSaved() {
        AccuracyRecord first = record(1, 1, 0.80, 1000);
        AccuracyRecord second = record(1, 2, 0.84, 2000);
        AccuracyRecord again = record(1, 2, 0.85, 3000);
        store.accuracy().save(first);
        store.accuracy().save(second);
        store.accuracy().save(again);

        assertThat(store.accuracy().all()).containsExactly(first, again);
        assertThat(store.accuracy().latest()).contains(again);
    }

    @Test
    void aWarningIsRecordedOnce() {
        assertThat(store.workflow().warnOnce("reach", "the target looks out of reach")).isTrue();
        assertThat(store.workflow().warnOnce("reach", "said again")).isFalse();

        assertThat(store.workflow().warnings()).containsExactly("the target looks out of reach");
    }

    private void label(String item, String value, String pool) {
        store.humans().saveLabel(new HumanLabel(item, "sentiment", value, Phase.ACTIVE_LABELING, 1, "ann",
                Instant.ofEpochMilli(1), 10, pool, 1));
    }

    private static AccuracyRecord record(int round, int batch, double machine, long at) {
        Estimate estimate = new Estimate(machine, machine - 0.05, machine + 0.05, "20 random labels and calibrated confidence");
        return new AccuracyRecord(Phase.ACTIVE_LABELING, round, batch, new AccuracyReport(estimate, estimate, 20),
                Instant.ofEpochMilli(at));
    }
}
