package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.human.Annotator;
import dev.solo.select.QueueEntry;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import dev.solo.workflow.WorkflowState.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkflowTest {
    @TempDir
    Path dir;

    private final List<String> announcements = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"diversity", "random", "stratified"})
    void seedLabelsThenCalibrationAndConfusionAnalysis(String selection) throws IOException {
        TaskFixture task = TaskFixture.create(dir, 200, 20, selection);
        ScriptedAnnotator person = new ScriptedAnnotator();

        WorkflowState end = task.workflow(Optional.of(person), 7, announcements::add)
                .run(finished -> finished == Phase.CONFUSION_ANALYSIS);

        assertThat(end.phase()).isEqualTo(Phase.GUIDELINE_REFINEMENT);
        assertThat(task.store.humans().labelCount(Phase.SEED_ANNOTATION, 1)).isEqualTo(20);
        assertThat(new HashSet<>(person.shown)).hasSize(20);
        assertThat(announcements).contains("Next: phase 2 (Initial Calibration).", "Next: phase 3 (Confusion Analysis).",
                "Next: phase 4 (Guideline Refinement).");
        assertThat(task.store.labeledRows().counts().llm()).isEqualTo(100);
        assertThat(task.store.measurements().latestAccuracyEstimate()).hasValueSatisfying(estimate -> {
            assertThat(estimate.phase()).isEqualTo(Phase.CONFUSION_ANALYSIS);
            assertThat(estimate.total()).isEqualTo(20);
        });
        assertThat(task.store.measurements().confusionReport(1)).isPresent();
        task.close();
    }

    @Test
    void diversitySeedsAndModelLabelsRepeatUnderTheSameSeedAndDifferUnderAnother() throws IOException {
        DiversityRun first = runDiversityTask(dir.resolve("a"), 7);
        DiversityRun again = runDiversityTask(dir.resolve("b"), 7);
        List<String> other = seedsShown(dir.resolve("c"), 200, 20, "diversity", 8);

        assertThat(again.seeds()).isEqualTo(first.seeds());
        assertThat(again.labels()).isEqualTo(first.labels()).hasSize(200);
        assertThat(again.confusion()).isEqualTo(first.confusion());
        assertThat(other).isNotEqualTo(first.seeds());
    }

    private record DiversityRun(List<String> seeds, List<String> labels, String confusion) {
    }

    private DiversityRun runDiversityTask(Path taskDir, long seed) throws IOException {
        java.nio.file.Files.createDirectories(taskDir);
        TaskFixture task = TaskFixture.create(taskDir, 200, 20, "diversity");
        ScriptedAnnotator person = new ScriptedAnnotator();
        run(task, person, seed);
        List<String> labels = new ArrayList<>();
        task.store.labeledRows().forEach(row -> labels.add(row.itemId() + " " + row.value() + " " + row.source() + " "
                + row.confidence()));
        String confusion = task.store.measurements().confusionReport(1).orElseThrow();
        task.close();
        return new DiversityRun(person.shown, labels, confusion);
    }

    @Test
    void theSameSeedChoosesTheSameItemsAndAnotherSeedOthers() throws IOException {
        List<String> first = seedsShown(dir.resolve("a"), 300, 15, "random", 7);
        List<String> again = seedsShown(dir.resolve("b"), 300, 15, "random", 7);
        List<String> other = seedsShown(dir.resolve("c"), 300, 15, "random", 8);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void stratifiedSeedsCoverEveryLengthBand() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 500, 25, "stratified");
        runSeedAnnotation(task, new ScriptedAnnotator(), 3);

        List<QueueEntry> queue = task.store.workflow().queue(Phase.SEED_ANNOTATION, 1, 0).subList(0, 25);

        assertThat(queue).extracting(QueueEntry::reason).containsAll(List.of(
                "stratified: length band 1/5", "stratified: length band 5/5"));
        task.close();
    }

    @Test
    void withoutAPersonTheWorkflowWaitsAndLabelsNothing() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 100, 10, "random");

        WorkflowState end = task.workflow(Optional.empty(), 1, announcements::add).run();

        assertThat(end.status()).isEqualTo(Status.WAITING_FOR_HUMAN);
        assertThat(end.phase()).isEqualTo(Phase.SEED_ANNOTATION);
        assertThat(task.store.humans().labeledItemCount()).isZero();
        task.close();
    }

    @Test
    void aRunStoppedByThePersonResumesAtTheNextItem() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 100, 10, "random");
        ScriptedAnnotator firstSitting = new ScriptedAnnotator("label", "label", "label", "quit");
        WorkflowState stopped = runSeedAnnotation(task, firstSitting, 5);
        ScriptedAnnotator secondSitting = new ScriptedAnnotator();

        WorkflowState end = runSeedAnnotation(task, secondSitting, 5);

        assertThat(stopped.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(secondSitting.shown.get(0)).isEqualTo(firstSitting.shown.get(3));
        assertThat(secondSitting.shown).hasSize(7).doesNotContainAnyElementsOf(firstSitting.shown.subList(0, 3));
        assertThat(end.phase()).isEqualTo(Phase.INITIAL_CALIBRATION);
        assertThat(task.store.humans().labelCount(Phase.SEED_ANNOTATION, 1)).isEqualTo(10);
        task.close();
    }

    @Test
    void undoShowsTheSameItemAgainAndSkipBringsAnotherInstead() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 100, 5, "random");
        ScriptedAnnotator person = new ScriptedAnnotator("label", "undo", "label", "skip");

        runSeedAnnotation(task, person, 5);

        // undo is pressed while the second item shows: it takes back the first item's label
        assertThat(person.shown.get(1)).isNotEqualTo(person.shown.get(0));
        assertThat(person.shown.get(2)).isEqualTo(person.shown.get(0));
        assertThat(person.shown.get(3)).isEqualTo(person.shown.get(1));
        assertThat(person.shown.get(4)).isNotEqualTo(person.shown.get(1));
        assertThat(task.store.humans().labelCount(Phase.SEED_ANNOTATION, 1)).isEqualTo(5);
        assertThat(task.store.humans().answeredItems(Phase.SEED_ANNOTATION, 1)).hasSize(6);
        task.close();
    }

    @Test
    void aPhaseTurnedOffInTheConfigIsPassedOverAndSaid() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 50, 5, "random");
        PhaseRunner turnedOff = new PhaseRunner() {
            @Override
            public Phase phase() {
                return Phase.INITIAL_CALIBRATION;
            }

            @Override
            public PhaseResult run(PhaseContext context) {
                throw new AssertionError("a phase turned off must not run");
            }

            @Override
            public boolean enabledBy(dev.solo.config.SoloConfig config) {
                return false;
            }
        };

        TaskRun run = task.run(Optional.of(new ScriptedAnnotator()), 1, announcements::add);
        run.workflow();
        HumanLabelingLoop labeling = new HumanLabelingLoop(task.config, task.store.items(), task.store.humans(),
                task.store.setups(), run.person(), run.clock());
        SeedAnnotationPhase seeds = new SeedAnnotationPhase(task.config.solo(), task.store.items(),
                task.store.workflow(), task.store.humans(), run.models(), labeling);
        WorkflowState end = new Workflow(List.of(seeds, turnedOff), task.store.workflow(), task.config, 1,
                announcements::add).run();

        assertThat(end.phase()).isEqualTo(Phase.CONFUSION_ANALYSIS);
        assertThat(announcements).anyMatch(line -> line.contains("turned off in the config"));
        task.close();
    }

    /** The items a person is shown in phase 1 of a new task. */
    private List<String> seedsShown(Path taskDir, int items, int seedCount, String selection, long seed)
            throws IOException {
        java.nio.file.Files.createDirectories(taskDir);
        TaskFixture task = TaskFixture.create(taskDir, items, seedCount, selection);
        ScriptedAnnotator person = new ScriptedAnnotator();
        runSeedAnnotation(task, person, seed);
        task.close();
        return person.shown;
    }

    private WorkflowState run(TaskFixture task, Annotator person, long seed) {
        return task.workflow(Optional.of(person), seed, announcements::add).run();
    }

    /**
     * Runs phase 1 only, for tests about the seeds and the person's keys: calibration embeds every item and trains
     * the labeler, which those tests never look at.
     */
    private WorkflowState runSeedAnnotation(TaskFixture task, Annotator person, long seed) {
        return task.workflow(Optional.of(person), seed, announcements::add)
                .run(finished -> finished == Phase.SEED_ANNOTATION);
    }
}
