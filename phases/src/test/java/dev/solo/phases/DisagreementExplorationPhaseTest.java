package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.human.Evidence;
import dev.solo.human.LabelRequest;
import dev.solo.select.NearestLabeled;
import dev.solo.select.QueueEntry;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 8 after the refinement loop: the person labels, with the machine's evidence beside each,
 * only items on which the model, the functions and the nearest labeled items disagree, at most
 * max_instances, in the order sort_by asks; a stop midway resumes where it stopped.
 */
class DisagreementExplorationPhaseTest {
    private static final String[] CUES = {"great", "plain", "awful"};
    /**
     * Every other text carries its label's word, some also another label's; the rest say nothing
     * of their label, though some praise the popcorn: the model, the keyword functions and the
     * neighbours part ways on many.
     */
    private static final IntFunction<String> MIXED_CUES = i -> i % 2 == 0
            ? "a " + CUES[i % 3] + " film" + (i % 4 == 0 ? ", somewhat " + CUES[(i + 1) % 3] : "") + " " + i
            : "a film seen on day " + (i % 7) + (i % 5 == 1 ? " with great popcorn" : "") + " " + i;

    @TempDir
    Path dir;

    private final List<String> announcements = new ArrayList<>();

    @Test
    void thePersonSeesOnlyDisagreementsEachWithItsEvidence() throws IOException {
        TaskFixture task = afterRefinement("{max_instances: 30, sort_by: confidence_gap, show_nearest_neighbors: 3}");
        ScriptedAnnotator person = new ScriptedAnnotator();

        WorkflowState end = explore(task, person);

        List<LabelRequest> asked = person.requests;
        assertThat(asked).hasSize(30).allSatisfy(request -> {
            assertThat(request.blind()).isFalse();
            assertThat(request.whyChosen().pool()).isEqualTo(DisagreementExplorationPhase.POOL);
        });
        Map<String, String> human = humanLabels(task);
        // The first batch is shown with the human labels it was chosen with: its evidence must show the disagreement.
        for (LabelRequest request : asked.subList(0, 10)) {
            Evidence evidence = request.evidence().orElseThrow();
            assertThat(evidence.neighbours()).hasSize(3)
                    .allSatisfy(near -> assertThat(near.label()).isEqualTo(human.get(near.itemId())));
            Set<String> said = new HashSet<>();
            said.add(evidence.modelLabel());
            said.add(NearestLabeled.majority(evidence.neighbours().stream()
                    .map(near -> new NearestLabeled.Neighbour(near.itemId(), near.label(), near.similarity())).toList())
                    .orElseThrow());
            evidence.votes().forEach(vote -> said.add(vote.label()));
            assertThat(said).as("sources of %s", request.item().id()).hasSizeGreaterThan(1);
            assertThat(evidence.distribution()).containsOnlyKeys(TaskFixture.LABELS);
        }
        List<Double> gaps = asked.stream().map(request -> margin(request.evidence().orElseThrow())).toList();
        assertThat(gaps.subList(0, 10)).isSorted();
        assertThat(task.store.humans().labelCount(Phase.DISAGREEMENT_EXPLORATION, end.round())).isEqualTo(30);
        assertThat(announcements).anyMatch(line -> line.matches("Batch 3: 10 disagreements labeled · the model was right on \\d+/10 · estimated accuracy .*"))
                .anyMatch(line -> line.matches("Phase 8 \\(Disagreement Exploration\\) finished: 30 disagreements labeled; "
                        + "the model was right on \\d+ of them; estimated accuracy .*"));
        task.close();
    }

    @Test
    void aStopMidwayResumesWithTheSameItemsAndAsksNothingTwice() throws IOException {
        TaskFixture task = afterRefinement("{max_instances: 24, sort_by: random}");
        List<String> script = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            script.add("label");
        }
        script.add("quit");
        ScriptedAnnotator leaving = new ScriptedAnnotator(script.toArray(String[]::new));
        explore(task, leaving);
        int round = task.store.workflow().state().round();
        List<String> queued = new ArrayList<>();
        for (int batch = 1; batch <= 3; batch++) {
            task.store.workflow().queue(Phase.DISAGREEMENT_EXPLORATION, round, batch).stream()
                    .map(QueueEntry::itemId).forEach(queued::add);
        }

        ScriptedAnnotator returning = new ScriptedAnnotator();
        explore(task, returning);

        List<String> labeledInOrder = new ArrayList<>(leaving.shown.subList(0, 13));
        labeledInOrder.addAll(returning.shown);
        assertThat(queued).hasSize(24);
        assertThat(labeledInOrder).containsExactlyElementsOf(queued);
        assertThat(task.store.humans().labelCount(Phase.DISAGREEMENT_EXPLORATION, round)).isEqualTo(24);
        task.close();
    }

    @Test
    void lfDisagreementAsksFirstWhereTheFunctionsVoteAgainstTheModel() throws IOException {
        TaskFixture task = afterRefinement("{max_instances: 200, sort_by: lf_disagreement}");
        int round = task.store.workflow().state().round();

        explore(task, new ScriptedAnnotator());

        List<QueueEntry> queue = new ArrayList<>();
        for (int batch = 1; !task.store.workflow().queue(Phase.DISAGREEMENT_EXPLORATION, round, batch).isEmpty(); batch++) {
            queue.addAll(task.store.workflow().queue(Phase.DISAGREEMENT_EXPLORATION, round, batch));
        }
        List<Boolean> againstModel = queue.stream().map(DisagreementExplorationPhaseTest::functionsAgainstModel).toList();
        assertThat(againstModel).as("items whose functions vote against the model: %s", queue).contains(true)
                .isSortedAccordingTo((a, b) -> Boolean.compare(b, a));
        task.close();
    }

    /** A task through the refinement loop, with keyword functions, a target out of reach and the given phase-8 settings. */
    @Test
    void anEstimateAlreadyAtTheTargetLeavesTheDisagreementsForEscalation() throws IOException {
        TaskFixture task = afterRefinement("{max_instances: 30, sort_by: confidence_gap}").withThreshold("0.2");
        ScriptedAnnotator person = new ScriptedAnnotator();

        WorkflowState end = explore(task, person);

        assertThat(person.requests).as(String.join("\n", announcements)).isEmpty();
        assertThat(end.phase()).isEqualTo(Phase.CONFIDENCE_ESCALATION);
        assertThat(task.store.accuracy().latest()).hasValueSatisfying(record -> {
            assertThat(record.phase()).isEqualTo(Phase.DISAGREEMENT_EXPLORATION);
            assertThat(record.report().dataset().low()).isGreaterThanOrEqualTo(0.2);
        });
        assertThat(announcements).anyMatch(line -> line.startsWith(
                "Phase 8 (Disagreement Exploration) finished: nothing to explore: estimated accuracy "));
        task.close();
    }

    private TaskFixture afterRefinement(String exploration) throws IOException {
        TaskFixture task = TaskFixture.create(dir, 720, 15, "random",
                "    active_labeling: {batch_size: 10, max_batches: 2, min_random_share: 0.5}\n"
                        + "    labeling_functions: {min_coverage: 0.01, min_precision: 0.5}\n"
                        + "    refinement_loop: {max_iterations: 1}\n"
                        + "    disagreement_exploration: " + exploration + "\n"
                        + "  accuracy_threshold: 0.9999\n", MIXED_CUES);
        task.workflow(Optional.of(new ScriptedAnnotator()), 3, line -> { })
                .run(finished -> finished == Phase.REFINEMENT_LOOP);
        assertThat(task.store.workflow().state().phase()).isEqualTo(Phase.DISAGREEMENT_EXPLORATION);
        return task;
    }

    private WorkflowState explore(TaskFixture task, ScriptedAnnotator person) {
        return task.workflow(Optional.of(person), 3, announcements::add)
                .run(finished -> finished == Phase.DISAGREEMENT_EXPLORATION);
    }

    private static Map<String, String> humanLabels(TaskFixture task) {
        return task.store.humans().examples("sentiment").stream()
                .collect(Collectors.toMap(example -> example.itemId(), example -> example.label()));
    }

    private static double margin(Evidence evidence) {
        List<Double> p = evidence.distribution().values().stream().sorted((a, b) -> Double.compare(b, a)).toList();
        return p.get(0) - p.get(1);
    }

    /** The detail reads "model X 0.62 · functions Y · neighbours Z". */
    private static boolean functionsAgainstModel(QueueEntry entry) {
        String[] parts = entry.detail().split(" · ");
        String model = parts[0].split(" ")[1];
        return parts.length > 1 && parts[1].startsWith("functions ") && !parts[1].substring("functions ".length()).equals(model);
    }
}
