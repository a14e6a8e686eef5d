package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import dev.solo.workflow.WorkflowState.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runner reports the batch it is on through the workflow, so the saved state and status agree with it. */
class BatchProgressTest {
    @TempDir
    Path dir;

    @Test
    void theBatchARunnerStartedIsSavedAndKeptWhenTheWorkflowStops() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 20, 5, "random");
        List<Integer> batchesSeen = new ArrayList<>();
        PhaseRunner batched = new PhaseRunner() {
            @Override
            public Phase phase() {
                return Phase.SEED_ANNOTATION;
            }

            @Override
            public PhaseResult run(PhaseContext context) {
                batchesSeen.add(context.state().batch());
                context.startBatch(1);
                context.startBatch(2);
                return new PhaseResult(Outcome.NEEDS_HUMAN, "batch 2 needs a person");
            }
        };

        WorkflowState end = new Workflow(List.of(batched), task.store.workflow(), task.config, 1, line -> { }).run();
        WorkflowState resumed = new Workflow(List.of(batched), task.store.workflow(), task.config, 1, line -> { }).run();

        assertThat(end.batch()).isEqualTo(2);
        assertThat(end.status()).isEqualTo(Status.WAITING_FOR_HUMAN);
        assertThat(task.store.workflow().state().batch()).isEqualTo(2);
        assertThat(batchesSeen).containsExactly(0, 2);
        assertThat(resumed.batch()).isEqualTo(2);
        task.close();
    }
}
