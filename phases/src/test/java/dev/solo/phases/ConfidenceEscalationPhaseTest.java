package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.human.LabelRequest;
import dev.solo.metrics.BatchResult;
import dev.solo.select.EscalationBatch;
import dev.solo.select.QueueEntry;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 10 after active labeling: the least confident labels go to the person blind with random
 * controls among them, and escalation stops on evidence, on stable batches, or on its budget, and
 * says which.
 */
class ConfidenceEscalationPhaseTest {
    private static final IntFunction<String> TELLING = i -> switch (i % 3) {
        case 0 -> "a great film, truly great " + i;
        case 1 -> "an ordinary film, plain and ordinary " + i;
        default -> "an awful film, truly awful " + i;
    };

    @TempDir
    Path dir;

    private final List<String> announcements = new ArrayList<>();

    @Test
    void escalationStopsWhenTheLowerBoundReachesTheTarget() throws IOException {
        TaskFixture task = afterActiveLabeling(TaskFixture.MIXED, "0.90", "{escalation_budget: 400, batch_size: 20, stop_when_stable: false}");
        ScriptedAnnotator person = new ScriptedAnnotator();

        PhaseResult result = escalate(task, person);

        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        assertThat(result.summary()).startsWith("stopped: the estimate's lower bound reached the target");
        assertThat(task.store.accuracy().latest()).hasValueSatisfying(record ->
                assertThat(record.report().dataset().low()).isGreaterThanOrEqualTo(0.90));
        List<LabelRequest> asked = person.requests;
        assertThat(asked).isNotEmpty().allSatisfy(request -> assertThat(request.blind()).isTrue());
        for (int batch = 1; !task.store.workflow().queue(Phase.CONFIDENCE_ESCALATION, 1, batch).isEmpty(); batch++) {
            List<QueueEntry> queue = task.store.workflow().queue(Phase.CONFIDENCE_ESCALATION, 1, batch);
            assertThat(queue).filteredOn(entry -> entry.pool().equals(EscalationBatch.RANDOM)).hasSize(1);
            assertThat(queue).allSatisfy(entry -> assertThat(entry.machineLabel()).isNotNull());
        }
        assertThat(announcements).anyMatch(line -> line.matches("Batch 1: 20 instances, \\d+/20 correct \\(\\d+%\\) · "
                + "estimated accuracy .*"));
        task.close();
    }

    @Test
    void batchesThatAreAllCorrectStopEscalationWhenAskedTo() throws IOException {
        TaskFixture task = afterActiveLabeling(TELLING, "0.999",
                "{escalation_budget: 200, batch_size: 10, stop_when_stable: true, stability_window: 2}");

        PhaseResult result = escalate(task, new ScriptedAnnotator());

        assertThat(result.summary()).startsWith("stopped: the last 2 batches were all correct (stop_when_stable); "
                + "estimated accuracy");
        List<BatchResult> batches = task.store.measurements().batchResults(Phase.CONFIDENCE_ESCALATION);
        assertThat(batches).hasSize(2).allSatisfy(batch -> assertThat(batch.agreed()).isEqualTo(batch.asked()));
        task.close();
    }

    @Test
    void aSpentBudgetShortOfTheTargetSaysSo() throws IOException {
        TaskFixture task = afterActiveLabeling(TaskFixture.MIXED, "0.999",
                "{escalation_budget: 20, batch_size: 10, stop_when_stable: false}");

        PhaseResult result = escalate(task, new ScriptedAnnotator());

        assertThat(result.summary()).startsWith("stopped: escalation_budget of 20 labels spent; estimated accuracy")
                .endsWith("target 1.00 not reached");
        assertThat(task.store.humans().labelCount(Phase.CONFIDENCE_ESCALATION, 1)).isEqualTo(20);
        task.close();
    }

    @Test
    void aTargetAlreadyReachedAsksNothing() throws IOException {
        TaskFixture task = afterActiveLabeling(TELLING, "0.50", "{escalation_budget: 100, batch_size: 10}");
        ScriptedAnnotator person = new ScriptedAnnotator();

        PhaseResult result = escalate(task, person);

        assertThat(result.summary()).startsWith("nothing to escalate: estimated accuracy");
        assertThat(person.requests).isEmpty();
        task.close();
    }

    /** A task that went through two batches of active labeling, with the given target and escalation settings. */
    @Test
    void aLookReadAgainAfterARestartKeepsItsNumberAndANewLookIsStricter() throws IOException {
        TaskFixture task = afterActiveLabeling(TaskFixture.MIXED, "0.999",
                "{escalation_budget: 20, batch_size: 10, stop_when_stable: false}");
        AccuracyCheck accuracy = new AccuracyCheck(task.config, task.store, Clock.systemUTC());
        int recorded = task.store.accuracy().all().size();
        AccuracyCheck.Look look = new AccuracyCheck.Look(Phase.CONFIDENCE_ESCALATION, 1, 1);

        AccuracyCheck.Reading first = accuracy.record(accuracy.read(look));
        AccuracyCheck.Reading resumed = accuracy.read(look);
        AccuracyCheck.Reading next = accuracy.read(new AccuracyCheck.Look(Phase.CONFIDENCE_ESCALATION, 1, 2));

        assertThat(first.lookNumber()).isEqualTo(recorded + 1);
        assertThat(resumed.lookNumber()).isEqualTo(first.lookNumber());
        assertThat(resumed.stopping()).isEqualTo(first.stopping());
        assertThat(next.lookNumber()).isEqualTo(recorded + 2);
        // The same evidence read at a later look: the same 95% interval, a lower bound to stop on.
        assertThat(next.report()).isEqualTo(first.report());
        assertThat(next.stopping().orElseThrow().dataset().low())
                .isLessThan(first.stopping().orElseThrow().dataset().low())
                .isLessThan(first.report().orElseThrow().dataset().low());
        task.close();
    }

    private TaskFixture afterActiveLabeling(IntFunction<String> text, String threshold, String escalation)
            throws IOException {
        TaskFixture task = TaskFixture.create(dir, 240, 15, "random",
                "    active_labeling: {batch_size: 10, max_batches: 2, min_random_share: 0.5}\n"
                        + "    labeling_functions: {enabled: false}\n"
                        + "    confidence_escalation: " + escalation + "\n"
                        + "  accuracy_threshold: 0.9999\n", text);
        task.workflow(Optional.of(new ScriptedAnnotator()), 3, line -> { })
                .run(finished -> finished == Phase.ACTIVE_LABELING);
        return task.withThreshold(threshold);
    }

    private PhaseResult escalate(TaskFixture task, ScriptedAnnotator person) {
        Clock clock = Clock.systemUTC();
        ConfiguredModels models = new ConfiguredModels(task.config, task.store, 3, clock, line -> { }, Optional.empty());
        HumanLabelingLoop loop = new HumanLabelingLoop(task.config, task.store.items(), task.store.humans(),
                task.store.setups(), Optional.of(person), clock);
        try {
            return new ConfidenceEscalationPhase(task.config, task.store, models, loop, clock, announcements::add)
                    .run(new PhaseContext(new WorkflowState(Phase.CONFIDENCE_ESCALATION, 1, 0,
                            WorkflowState.Status.IN_PROGRESS, ""), 3, batch -> { }));
        } finally {
            models.close();
        }
    }
}
