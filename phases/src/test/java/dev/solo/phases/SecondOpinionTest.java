package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.select.EscalationBatch;
import dev.solo.select.QueueEntry;
import dev.solo.testing.FakeChatCompletions;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote model sure of every label but systematically wrong on one kind of text: escalation
 * asks first about its labels the embedded model doubts, and says which signal ranked the errors.
 */
class SecondOpinionTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final List<String> announcements = new ArrayList<>();

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Right, and 0.9 sure, except on "long and slow" texts, which it calls Neutral just as surely. */
    private static String remoteLabel(String text) {
        int item = Integer.parseInt(text.substring(text.lastIndexOf(' ') + 1).strip());
        return text.contains("long and slow") ? "Neutral" : TaskFixture.LABELS.get(item % 3);
    }

    @Test
    void escalationAsksFirstWhereTheEmbeddedModelDoubtsTheRemoteLabel() throws IOException {
        server.setDispatcher(new FakeChatCompletions(SecondOpinionTest::remoteLabel, 0.9));
        server.start();
        TaskFixture task = TaskFixture.create(dir, 240, 15, "random",
                "    active_labeling: {batch_size: 20, max_batches: 2, min_random_share: 0.6}\n"
                        + "    labeling_functions: {enabled: false}\n"
                        + "    guideline_refinement: {auto_suggest: false}\n"
                        + "    confidence_escalation: {escalation_budget: 20, batch_size: 20}\n"
                        + "  accuracy_threshold: 0.9999\n"
                        + TaskFixture.openAiAt(server.url("/v1").toString()), TaskFixture.MIXED);
        task.workflow(Optional.of(new ScriptedAnnotator()), 3, line -> { })
                .run(finished -> finished == Phase.ACTIVE_LABELING);
        assertThat(task.store.accuracy().randomLabels("sentiment")).hasSizeGreaterThanOrEqualTo(SecondOpinion.MIN_RANDOM_LABELS);

        escalate(task);

        List<QueueEntry> asked = task.store.workflow().queue(Phase.CONFIDENCE_ESCALATION, 1, 1).stream()
                .filter(entry -> entry.pool().equals(EscalationBatch.LEAST_CONFIDENT)).toList();
        long wrong = asked.stream().filter(entry -> !entry.machineLabel().equals(TaskFixture.goldFor(entry.itemId()))).count();
        // About a quarter of the remote labels are wrong, all 0.9 sure: by its confidence alone a batch would hold ~25%.
        assertThat(wrong).as("remote labels asked first that were wrong: %s", asked).isGreaterThanOrEqualTo(asked.size() * 3 / 4);
        assertThat(asked).allSatisfy(entry -> assertThat(entry.detail()).startsWith("chance the label is right "));
        assertThat(announcements).anyMatch(line -> line.matches("Ranking errors on \\d+ random labels \\(AUROC, 0.5 is chance\\): "
                + "the remote model's confidence [01]\\.\\d\\d, the embedded model's probability [01]\\.\\d\\d, both [01]\\.\\d\\d; "
                + "escalating by both."));
        task.close();
    }

    private void escalate(TaskFixture task) {
        Clock clock = Clock.systemUTC();
        ConfiguredModels models = new ConfiguredModels(task.config, task.store, 3, clock, line -> { }, Optional.empty());
        HumanLabelingLoop loop = new HumanLabelingLoop(task.config, task.store.items(), task.store.humans(),
                task.store.setups(), Optional.of(new ScriptedAnnotator()), clock);
        try {
            new ConfidenceEscalationPhase(task.config, task.store, models, loop, clock, announcements::add)
                    .run(new PhaseContext(new WorkflowState(Phase.CONFIDENCE_ESCALATION, 1, 0,
                            WorkflowState.Status.IN_PROGRESS, ""), 3, batch -> { }));
        } finally {
            models.close();
        }
    }
}
