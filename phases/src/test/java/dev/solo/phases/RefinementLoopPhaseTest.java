package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.human.GuidelineDecisions;
import dev.solo.human.GuidelineEditsRequest;
import dev.solo.metrics.AccuracyRecord;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 7 after active labeling: each iteration is a round of its own with a relabeled dataset, an
 * accuracy estimate and a confusion analysis; it stops at max_iterations, and when the guidelines
 * did not change there is nothing to go round again with.
 */
class RefinementLoopPhaseTest {

    @TempDir
    Path dir;

    private final List<String> announcements = new ArrayList<>();

    @Test
    void eachIterationIsARoundWithItsOwnEstimateAndConfusionAnalysis() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 240, 15, "random", """
                    active_labeling: {batch_size: 10, max_batches: 2, min_random_share: 0.5}
                    labeling_functions: {enabled: false}
                    refinement_loop: {max_iterations: 1}
                """, TaskFixture.MIXED);

        WorkflowState end = task.workflow(Optional.of(new ScriptedAnnotator()), 3, announcements::add)
                .run(finished -> finished == Phase.REFINEMENT_LOOP);

        assertThat(end.phase()).isEqualTo(Phase.DISAGREEMENT_EXPLORATION);
        List<AccuracyRecord> loop = task.store.accuracy().all().stream()
                .filter(record -> record.phase() == Phase.REFINEMENT_LOOP).toList();
        assertThat(loop).singleElement().satisfies(record -> assertThat(record.round()).isEqualTo(2));
        assertThat(task.store.measurements().confusionReport(2)).isPresent();
        assertThat(task.store.measurements().confusionReport(1)).isPresent();
        assertThat(announcements).anyMatch(line -> line.startsWith("Phase 7 (Refinement Loop) finished: round 1 of at most 1")
                && line.endsWith("max_iterations reached."));
        task.close();
    }

    @Test
    void whenThePersonRejectsEveryEditThereIsNothingToGoRoundAgainWith() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 240, 15, "random", """
                    active_labeling: {batch_size: 10, max_batches: 2, min_random_share: 0.5}
                    labeling_functions: {enabled: false}
                    refinement_loop: {max_iterations: 5, improvement_threshold: 0.0}
                """, TaskFixture.MIXED);
        ScriptedAnnotator rejecting = new ScriptedAnnotator() {
            @Override
            public GuidelineDecisions review(GuidelineEditsRequest request) {
                return new GuidelineDecisions(request.edits().stream()
                        .map(edit -> GuidelineDecisions.EditDecision.reject(edit.id())).toList(), List.of(), name(), false);
            }
        };

        task.workflow(Optional.of(rejecting), 3, announcements::add).run(finished -> finished == Phase.REFINEMENT_LOOP);

        assertThat(task.store.accuracy().all()).filteredOn(record -> record.phase() == Phase.REFINEMENT_LOOP)
                .hasSize(1);
        assertThat(announcements).anyMatch(line -> line.startsWith("Phase 7 (Refinement Loop) finished: round 1 of at most 5")
                && line.contains("the guidelines did not change"));
        assertThat(task.store.workflow().state().phase()).isEqualTo(Phase.DISAGREEMENT_EXPLORATION);
        task.close();
    }
}
