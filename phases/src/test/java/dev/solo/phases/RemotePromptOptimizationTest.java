package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.label.ModelLabel;
import dev.solo.labeler.llm.PromptVariant;
import dev.solo.metrics.VariantScore;
import dev.solo.testing.FakeChatCompletions;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 11 with a remote labeler: a model that reads "long and slow" films as Neutral unless the
 * instructions tell it how the expert decides. The detailed style is scored on held-out human
 * labels, wins, becomes the prompt in force, and every item is labeled again with it.
 */
class RemotePromptOptimizationTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final List<String> announcements = new ArrayList<>();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static String remoteLabel(String system, String text) {
        int item = Integer.parseInt(text.substring(text.lastIndexOf(' ') + 1).strip());
        boolean toldHowToDecide = system.contains("Decide as the expert who labeled the examples would");
        return text.contains("long and slow") && !toldHowToDecide ? "Neutral" : TaskFixture.LABELS.get(item % 3);
    }

    @Test
    void theBetterInstructionStyleWinsOnHeldOutLabelsAndRelabelsTheDataset() throws IOException {
        server.setDispatcher(new FakeChatCompletions(RemotePromptOptimizationTest::remoteLabel, 0.9, Duration.ZERO));
        server.start();
        TaskFixture task = TaskFixture.create(dir, 240, 15, "random",
                "    active_labeling: {batch_size: 20, max_batches: 2, min_random_share: 0.6}\n"
                        + "    labeling_functions: {enabled: false}\n"
                        + "    guideline_refinement: {auto_suggest: false}\n"
                        + "    prompt_optimization: {candidates: 5, search_strategy: grid, metric: accuracy,"
                        + " variations: [instruction_style]}\n"
                        + "  accuracy_threshold: 0.9999\n"
                        + TaskFixture.openAiAt(server.url("/v1").toString())
                        + "    few_shot_examples: 4\n", TaskFixture.MIXED);
        task.workflow(Optional.of(new ScriptedAnnotator()), 3, line -> { })
                .run(finished -> finished == Phase.ACTIVE_LABELING);
        int randomLabels = Math.min(task.store.humans().examplesFromPool("sentiment", "random").size(),
                RemoteVariantScoring.MOST_ITEMS);
        assertThat(randomLabels).as("enough random labels to score on them alone").isGreaterThanOrEqualTo(30);

        PhaseResult result = optimize(task);

        List<VariantScore> table = task.store.promptVariants().latest();
        assertThat(table).extracting(VariantScore::variant)
                .containsExactly("llm:plain similar-last direct 4", "llm:detailed similar-last direct 4");
        assertThat(table.get(1).selected()).isTrue();
        assertThat(table.get(1).score().value()).isEqualTo(1.0);
        assertThat(table.get(0).score().value()).isLessThan(0.95);
        assertThat(table).allSatisfy(row -> {
            assertThat(row.calls()).as("each variant asks the model about the evaluation items").isPositive();
            assertThat(row.costUsd()).isPositive();
        });
        assertThat(task.store.setups().current().promptVariant()).isEqualTo("llm:detailed similar-last direct 4");
        assertThat(PromptVariant.parse(task.store.setups().current().promptVariant()).orElseThrow().style())
                .isEqualTo(PromptVariant.Style.DETAILED);
        List<ModelLabel> labels = new ArrayList<>();
        task.store.predictions().forEach("sentiment", labels::add);
        assertThat(labels).hasSize(240).allSatisfy(label -> {
            assertThat(label.setupVersion()).isEqualTo(task.store.setups().current().version());
            assertThat(label.prediction().label()).isEqualTo(TaskFixture.goldFor(label.itemId()));
        });
        assertThat(announcements).anyMatch(line -> line.matches("Prompt optimization: up to 2 of 2 prompt variants, each "
                + "asked about " + randomLabels + " human-labeled items: at most "
                + "\\d+ requests, about \\$\\d+\\.\\d\\d at this task's cost per request so far .*"));
        assertThat(result.summary()).contains("selected detailed instructions, most similar examples last, direct, 4 examples");
        task.close();
    }

    private PhaseResult optimize(TaskFixture task) {
        Clock clock = Clock.systemUTC();
        ConfiguredModels models = new ConfiguredModels(task.config, task.store, 3, clock, line -> { }, Optional.empty());
        try {
            return new PromptOptimizationPhase(task.config, task.store, models, clock, announcements::add)
                    .run(new PhaseContext(new WorkflowState(Phase.PROMPT_OPTIMIZATION, 1, 0,
                            WorkflowState.Status.IN_PROGRESS, ""), 3, batch -> { }));
        } finally {
            models.close();
        }
    }
}
