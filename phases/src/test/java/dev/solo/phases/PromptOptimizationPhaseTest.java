package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.label.ModelLabel;
import dev.solo.labeler.local.LocalVariant;
import dev.solo.metrics.VariantScore;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 11 for the local labeler: variants scored by cross-validation within the budget, the one
 * in use first; the table is stored, the best is chosen, and when it is another the dataset is
 * labeled with it.
 */
class PromptOptimizationPhaseTest {

    @TempDir
    Path dir;

    private final List<String> announcements = new ArrayList<>();

    @Test
    void variantsAreScoredTheBestIsChosenAndTheDatasetLabeledWithIt() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 240, 15, "random", """
                    active_labeling: {batch_size: 10, max_batches: 3, min_random_share: 0.5}
                    labeling_functions: {enabled: false}
                    refinement_loop: {max_iterations: 1}
                    disagreement_exploration: {max_instances: 5}
                    edge_case_synthesis: {enabled: false}
                    confidence_escalation: {escalation_budget: 10, batch_size: 10}
                    prompt_optimization: {candidates: 4, metric: f1_macro, search_strategy: grid}
                  accuracy_threshold: 0.9999
                """, TaskFixture.MIXED);

        task.workflow(Optional.of(new ScriptedAnnotator()), 3, announcements::add)
                .run(finished -> finished == Phase.PROMPT_OPTIMIZATION);

        List<VariantScore> table = task.store.promptVariants().latest();
        assertThat(table).hasSize(4);
        assertThat(table.get(0).variant()).isEqualTo("local:all-MiniLM-L6-v2");
        assertThat(table).extracting(VariantScore::variant).doesNotHaveDuplicates();
        assertThat(table).filteredOn(VariantScore::selected).hasSize(1);
        VariantScore selected = table.stream().filter(VariantScore::selected).findFirst().orElseThrow();
        assertThat(table).allSatisfy(row -> {
            assertThat(row.score().value()).isLessThanOrEqualTo(selected.score().value());
            assertThat(row.score().low()).isLessThanOrEqualTo(row.score().value());
            assertThat(row.metric()).isEqualTo("f1_macro");
        });
        String inForce = task.store.setups().current().promptVariant();
        LocalVariant chosen = LocalVariant.parse(selected.variant()).orElseThrow();
        if (!table.get(0).selected()) {
            assertThat(inForce).isEqualTo(selected.variant());
            List<ModelLabel> relabeled = new ArrayList<>();
            task.store.predictions().forEach("sentiment", relabeled::add);
            assertThat(relabeled).allSatisfy(label ->
                    assertThat(label.labeler()).isEqualTo("local:" + chosen.model().configName()));
        } else {
            assertThat(inForce).isNotEqualTo(table.get(1).variant());
        }
        assertThat(announcements).anyMatch(line -> line.startsWith("  * "))
                .anyMatch(line -> line.matches("Phase 11 \\(Prompt Optimization\\) finished: 4 of 6 variants scored by "
                        + "f1_macro on \\d+ (random|human) labels, out of fold; (kept|selected) .*"));
        task.close();
    }
}
