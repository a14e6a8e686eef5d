package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 12: a random sample of machine labels shown blind; the dataset passes when the estimate's
 * stopping bound reaches min_accuracy, goes back to the fallback phase when it does not, and after a second failure
 * in a row waits for the person to decide.
 */
class FinalValidationPhaseTest {
    private static final IntFunction<String> TELLING = i -> switch (i % 3) {
        case 0 -> "a great film, truly great " + i;
        case 1 -> "an ordinary film, plain and ordinary " + i;
        default -> "an awful film, truly awful " + i;
    };
    private static final IntFunction<String> UNINFORMATIVE = i -> "note " + (i * 7919 % 1000) + " about thing " + (i % 11);

    @TempDir
    Path dir;

    @Test
    void aGoodDatasetPassesOnABlindRandomSample() throws IOException {
        TaskFixture task = afterActiveLabeling(TELLING, "0.80");
        ScriptedAnnotator person = new ScriptedAnnotator();

        PhaseResult result = validate(task, person, 1);

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.summary()).containsPattern("^\\d+ of 20 sampled machine labels right \\(0\\.\\d\\d–[01]\\.\\d\\d "
                + "on the sample alone\\); dataset [01]\\.\\d\\d .* \\(min_accuracy 0\\.80\\)$");
        assertThat(person.requests).hasSize(20).allSatisfy(request -> assertThat(request.blind()).isTrue());
        assertThat(task.store.workflow().queue(Phase.FINAL_VALIDATION, 1, 0)).hasSize(20)
                .allSatisfy(entry -> assertThat(entry.machineLabel()).isNotNull());
        task.close();
    }

    @Test
    void aFailureGoesBackAndASecondInARowWaitsForThePerson() throws IOException {
        TaskFixture task = afterActiveLabeling(UNINFORMATIVE, "0.99");

        PhaseResult first = validate(task, new ScriptedAnnotator(), 1);
        PhaseResult second = validate(task, new ScriptedAnnotator(), 2);

        assertThat(first.outcome()).isEqualTo(Outcome.VALIDATION_FAILED);
        assertThat(first.summary()).contains("below min_accuracy 0.99").endsWith("back to phase 6");
        assertThat(second.outcome()).isEqualTo(Outcome.NEEDS_DECISION);
        assertThat(second.summary()).contains("Final validation failed twice in a row. Choices: ");
        task.close();
    }

    @Test
    void anEstimateAboveMinAccuracyWhoseBoundIsBelowItFails() throws IOException {
        TaskFixture probe = afterActiveLabeling(dir.resolve("probe"), UNINFORMATIVE, "0.99");
        String probed = validate(probe, new ScriptedAnnotator(), 1).summary();
        probe.close();
        double estimate = number(probed, "; dataset ");
        double bound = number(probed, "lower bound ");
        assertThat(bound).as(probed).isLessThan(estimate - 0.02);
        String between = String.format(Locale.ROOT, "%.3f", (estimate + bound) / 2);

        TaskFixture task = afterActiveLabeling(dir.resolve("task"), UNINFORMATIVE, between);
        PhaseResult result = validate(task, new ScriptedAnnotator(), 1);

        assertThat(result.summary()).contains("; dataset " + String.format(Locale.ROOT, "%.2f", estimate));
        assertThat(result.outcome()).as(result.summary()).isEqualTo(Outcome.VALIDATION_FAILED);
        assertThat(result.summary()).contains("below min_accuracy");
        task.close();
    }

    private static double number(String text, String after) {
        Matcher matcher = Pattern.compile(Pattern.quote(after) + "([01]\\.\\d+)").matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void aResumedValidationAsksOnlyTheRestOfTheSameSample() throws IOException {
        TaskFixture task = afterActiveLabeling(TELLING, "0.80");
        String[] quitAfterFive = {"label", "label", "label", "label", "label", "quit"};
        ScriptedAnnotator first = new ScriptedAnnotator(quitAfterFive);
        ScriptedAnnotator second = new ScriptedAnnotator();

        assertThat(validate(task, first, 1).outcome()).isEqualTo(Outcome.QUIT);
        validate(task, second, 1);

        List<String> asked = new ArrayList<>(first.shown.subList(0, 5));
        asked.addAll(second.shown);
        assertThat(asked).hasSize(20).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(task.store.workflow().queue(Phase.FINAL_VALIDATION, 1, 0).stream()
                        .map(entry -> entry.itemId()).toList());
        task.close();
    }

    private TaskFixture afterActiveLabeling(IntFunction<String> text, String minAccuracy) throws IOException {
        return afterActiveLabeling(dir, text, minAccuracy);
    }

    private static TaskFixture afterActiveLabeling(Path dir, IntFunction<String> text, String minAccuracy)
            throws IOException {
        Files.createDirectories(dir);
        TaskFixture task = TaskFixture.create(dir, 240, 15, "random",
                "    active_labeling: {batch_size: 10, max_batches: 2, min_random_share: 0.5}\n"
                        + "    labeling_functions: {enabled: false}\n"
                        + "    final_validation: {sample_size: 20, min_accuracy: " + minAccuracy + "}\n"
                        + "  accuracy_threshold: 0.9999\n", text);
        task.workflow(Optional.of(new ScriptedAnnotator()), 3, line -> { })
                .run(finished -> finished == Phase.ACTIVE_LABELING);
        return task;
    }

    private static PhaseResult validate(TaskFixture task, ScriptedAnnotator person, int round) {
        Clock clock = Clock.systemUTC();
        HumanLabelingLoop loop = new HumanLabelingLoop(task.config, task.store.items(), task.store.humans(),
                task.store.setups(), Optional.of(person), clock);
        ConfiguredModels models = new ConfiguredModels(task.config, task.store, 3, clock, line -> { }, Optional.empty());
        try {
            return new FinalValidationPhase(task.config, task.store, models, loop, clock)
                    .run(new PhaseContext(new WorkflowState(Phase.FINAL_VALIDATION, round, 0,
                            WorkflowState.Status.IN_PROGRESS, ""), 3, batch -> { }));
        } finally {
            models.close();
        }
    }
}
