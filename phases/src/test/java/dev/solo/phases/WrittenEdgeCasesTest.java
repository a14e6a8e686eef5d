package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.human.Answer;
import dev.solo.human.HumanExample;
import dev.solo.human.LabelRequest;
import dev.solo.select.QueueEntry;
import dev.solo.testing.FakeChatCompletions;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 9 with a remote labeler: its model writes new texts between the confused labels, near
 * duplicates are left out, the person labels them, and they teach the labeler without joining the
 * dataset. An oracle, which can label only the data, gets mined real items instead.
 */
class WrittenEdgeCasesTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final List<String> announcements = new ArrayList<>();

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** The fixtures' label of a text: its last number's remainder by three. */
    private static String labelOfText(String text) {
        int number = Integer.parseInt(text.substring(text.lastIndexOf(' ') + 1).strip());
        return TaskFixture.LABELS.get(number % 3);
    }

    /** A person who labels written texts by what they say, and the data's items by the fixture's gold. */
    private static final class Reader extends ScriptedAnnotator {
        @Override
        public Answer ask(LabelRequest request) {
            if (request.item().id().startsWith("synthetic-")) {
                shown.add(request.item().id());
                return Answer.label(labelOfText(request.item().text()));
            }
            return super.ask(request);
        }
    }

    /** An oracle's limit: labels for the gold file's items only. */
    private static final class GoldOnly extends ScriptedAnnotator {
        @Override
        public boolean labelsNewText() {
            return false;
        }
    }

    @Test
    void theRemoteModelWritesTextsThePersonLabelsAndTheyStayOutOfTheDataset() throws IOException {
        TaskFixture task = throughActiveLabeling();
        Reader person = new Reader();

        PhaseResult result = edgeCases(task, person);

        List<QueueEntry> asked = task.store.workflow().queue(Phase.EDGE_CASE_SYNTHESIS, 1, 1);
        assertThat(asked).hasSize(6).allSatisfy(entry -> {
            assertThat(entry.itemId()).startsWith("synthetic-r1-");
            assertThat(entry.detail()).isEqualTo("written by openai:gpt-4o-mini, Positive vs Neutral");
            assertThat(entry.machineLabel()).as("the label the model gives the text now").isNotNull();
        });
        Set<String> texts = new HashSet<>();
        asked.forEach(entry -> texts.add(task.store.items().item(entry.itemId()).text()));
        assertThat(texts).hasSize(6).isSubsetOf(FakeChatCompletions.EDGE_CASES);
        assertThat(person.shown).containsAll(asked.stream().map(QueueEntry::itemId).toList());
        assertThat(task.store.items().count()).as("the dataset").isEqualTo(240);
        assertThat(task.store.items().syntheticCount()).isEqualTo(6);
        assertThat(task.store.labeledRowsWithSynthetic().counts().human() - task.store.labeledRows().counts().human())
                .isEqualTo(6);
        List<String> dataset = new ArrayList<>();
        task.store.labeledRows().forEach(row -> dataset.add(row.itemId()));
        assertThat(dataset).hasSize(240).noneMatch(id -> id.startsWith("synthetic-"));
        assertThat(task.store.humans().examples("sentiment")).extracting(HumanExample::itemId)
                .as("what the labeler learns from").containsAll(asked.stream().map(QueueEntry::itemId).toList());
        assertThat(announcements).contains("Edge cases: openai:gpt-4o-mini wrote 6 texts between Positive vs Neutral; "
                + "they are kept apart from the dataset (solo export --include-synthetic adds them).");
        assertThat(result.summary()).startsWith("6 new texts written near the boundaries of Positive vs Neutral and "
                + "labeled; the model was right on ");
        task.close();
    }

    @Test
    void anOracleGetsRealItemsMinedAndIsToldWhy() throws IOException {
        TaskFixture task = throughActiveLabeling();

        PhaseResult result = edgeCases(task, new GoldOnly());

        assertThat(task.store.items().syntheticCount()).isZero();
        assertThat(task.store.workflow().queue(Phase.EDGE_CASE_SYNTHESIS, 1, 1))
                .allSatisfy(entry -> assertThat(entry.itemId()).startsWith("item-"));
        assertThat(announcements).anyMatch(line -> line.endsWith("(the oracle labels only items of its gold file, so solo "
                + "mines the data instead of generating)."));
        assertThat(result.summary()).contains("real items mined near the boundaries of Positive vs Neutral");
        task.close();
    }

    private TaskFixture throughActiveLabeling() throws IOException {
        server.setDispatcher(new FakeChatCompletions(WrittenEdgeCasesTest::labelOfText, 0.9));
        server.start();
        TaskFixture task = TaskFixture.create(dir, 240, 15, "random",
                "    active_labeling: {batch_size: 20, max_batches: 1, min_random_share: 0.5}\n"
                        + "    labeling_functions: {enabled: false}\n"
                        + "    guideline_refinement: {auto_suggest: false}\n"
                        + "    edge_case_synthesis: {count: 6, diversity_weight: 0.5, confusion_pairs: [[Positive, Neutral]]}\n"
                        + "  accuracy_threshold: 0.9999\n"
                        + TaskFixture.openAiAt(server.url("/v1").toString()), TaskFixture.MIXED);
        task.workflow(Optional.of(new ScriptedAnnotator()), 3, line -> { })
                .run(finished -> finished == Phase.ACTIVE_LABELING);
        return task;
    }

    private PhaseResult edgeCases(TaskFixture task, ScriptedAnnotator person) {
        Clock clock = Clock.systemUTC();
        ConfiguredModels models = new ConfiguredModels(task.config, task.store, 3, clock, line -> { }, Optional.empty());
        HumanLabelingLoop loop = new HumanLabelingLoop(task.config, task.store.items(), task.store.humans(),
                task.store.setups(), Optional.of(person), clock);
        try {
            return new EdgeCaseSynthesisPhase(task.config, task.store, models, loop, clock, announcements::add)
                    .run(new PhaseContext(new WorkflowState(Phase.EDGE_CASE_SYNTHESIS, 1, 0,
                            WorkflowState.Status.IN_PROGRESS, ""), 3, batch -> { }));
        } finally {
            models.close();
        }
    }
}
