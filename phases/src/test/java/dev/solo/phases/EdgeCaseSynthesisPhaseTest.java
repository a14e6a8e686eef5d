package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.select.BoundaryMining;
import dev.solo.select.QueueEntry;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 9 offline: real unlabeled items between the confused labels are mined, the person labels
 * them, and solo says it generated nothing; configured pairs are honoured; turned off, it is
 * passed over.
 */
class EdgeCaseSynthesisPhaseTest {
    private static final String[] CUES = {"great", "plain", "awful"};
    /** Half the texts carry their label's word; the rest say nothing of it, so the model is torn on many. */
    private static final IntFunction<String> HALF_TELLING = i -> i % 2 == 0
            ? "a " + CUES[i % 3] + " film " + i
            : "a film seen on day " + (i % 7) + " " + i;

    @TempDir
    Path dir;

    private final List<String> announcements = new ArrayList<>();

    @Test
    void itemsBetweenTheConfusedLabelsAreMinedLabeledAndSaidToBeReal() throws IOException {
        TaskFixture task = throughDisagreements("{count: 12, diversity_weight: 0.3}");
        ScriptedAnnotator person = new ScriptedAnnotator();

        task.workflow(Optional.of(person), 3, announcements::add).run(finished -> finished == Phase.EDGE_CASE_SYNTHESIS);

        int round = task.store.workflow().state().round();
        List<QueueEntry> asked = queued(task, round);
        assertThat(asked).hasSize(12).allSatisfy(entry -> {
            assertThat(entry.pool()).isEqualTo(BoundaryMining.POOL);
            assertThat(entry.detail()).matches("(Positive|Neutral|Negative) vs (Positive|Neutral|Negative), margin 0\\.\\d\\d");
        });
        assertThat(person.shown).containsExactlyElementsOf(asked.stream().map(QueueEntry::itemId).toList());
        assertThat(task.store.humans().labelCount(Phase.EDGE_CASE_SYNTHESIS, round)).isEqualTo(12);
        assertThat(announcements).anyMatch(line -> line.startsWith("Edge cases: 12 real items nearest the boundaries of ")
                        && line.endsWith("(offline: solo generates no text, it mines the data)."))
                .anyMatch(line -> line.matches("Phase 9 \\(Edge Case Synthesis\\) finished: 12 real items mined near the "
                        + "boundaries of .* and labeled; the model was right on \\d+ of them; .*"));
        task.close();
    }

    @Test
    void configuredPairsAreTheOnesAimedAt() throws IOException {
        TaskFixture task = throughDisagreements("{count: 8, confusion_pairs: [[Positive, Negative]]}");

        task.workflow(Optional.of(new ScriptedAnnotator()), 3, announcements::add)
                .run(finished -> finished == Phase.EDGE_CASE_SYNTHESIS);

        assertThat(queued(task, task.store.workflow().state().round())).hasSize(8)
                .allSatisfy(entry -> assertThat(entry.detail()).startsWith("Positive vs Negative, margin "));
        task.close();
    }

    @Test
    void turnedOffItIsPassedOver() throws IOException {
        TaskFixture task = throughDisagreements("{enabled: false}");

        task.workflow(Optional.of(new ScriptedAnnotator()), 3, announcements::add)
                .run(finished -> finished == Phase.EDGE_CASE_SYNTHESIS || finished == Phase.CONFIDENCE_ESCALATION);

        assertThat(announcements).contains("Phase 9 (Edge Case Synthesis) is turned off in the config; passing over it.");
        assertThat(task.store.humans().labelCount(Phase.EDGE_CASE_SYNTHESIS, task.store.workflow().state().round())).isZero();
        task.close();
    }

    /** A task through phase 8, with a target out of reach and the given phase-9 settings. */
    private TaskFixture throughDisagreements(String edgeCases) throws IOException {
        TaskFixture task = TaskFixture.create(dir, 360, 15, "random",
                "    active_labeling: {batch_size: 10, max_batches: 2, min_random_share: 0.5}\n"
                        + "    labeling_functions: {enabled: false}\n"
                        + "    refinement_loop: {max_iterations: 1}\n"
                        + "    disagreement_exploration: {max_instances: 10}\n"
                        + "    confidence_escalation: {escalation_budget: 10, batch_size: 10}\n"
                        + "    edge_case_synthesis: " + edgeCases + "\n"
                        + "  accuracy_threshold: 0.9999\n", HALF_TELLING);
        task.workflow(Optional.of(new ScriptedAnnotator()), 3, line -> { })
                .run(finished -> finished == Phase.DISAGREEMENT_EXPLORATION);
        assertThat(task.store.workflow().state().phase()).isEqualTo(Phase.EDGE_CASE_SYNTHESIS);
        return task;
    }

    private static List<QueueEntry> queued(TaskFixture task, int round) {
        List<QueueEntry> all = new ArrayList<>();
        for (int batch = 1; !task.store.workflow().queue(Phase.EDGE_CASE_SYNTHESIS, round, batch).isEmpty(); batch++) {
            all.addAll(task.store.workflow().queue(Phase.EDGE_CASE_SYNTHESIS, round, batch));
        }
        return all;
    }
}
