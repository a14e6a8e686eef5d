package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.human.LabelRequest;
import dev.solo.human.LabelingFunctionChoice;
import dev.solo.human.LabelingFunctionsRequest;
import dev.solo.human.TypedRule;
import dev.solo.human.Answer;
import dev.solo.select.QueueEntry;
import dev.solo.lf.FunctionRecord;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 5 on data where a word gives the label away: the rule is proposed, audited blind on random
 * items it covers, kept when its bound reaches min_precision, and its votes are stored; a word
 * shared by two labels is not proposed. Likewise for an embedding neighbourhood on data whose
 * labels follow its topics.
 */
class LabelingFunctionsPhaseTest {
    @TempDir
    Path dir;

    private final List<String> announcements = new ArrayList<>();

    /**
     * Positive films say "great" where the model reads them; every Neutral film and a third of the
     * Negative ones say what they are only past the model's window, so it calls all of those
     * Neutral, unsure. "awful" would fix the hidden Negative films; "great" and "meh" agree with it.
     */
    static final IntFunction<String> HIDDEN_AWFUL = i -> switch (i % 3) {
        case 0 -> "a great film number " + i;
        case 1 -> TaskFixture.pastTheWindow("a meh film number " + i);
        default -> i % 9 == 2 ? TaskFixture.pastTheWindow("an awful film number " + i)
                : "an awful film number " + i;
    };

    @Test
    void aWordThatFixesTheModelsLabelsIsAuditedBlindProvenAndKept() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 600, 30, "random", "", HIDDEN_AWFUL);
        ScriptedAnnotator person = new ScriptedAnnotator();

        WorkflowState end = task.workflow(Optional.of(person), 3, announcements::add)
                .run(finished -> finished == Phase.LABELING_FUNCTIONS);

        assertThat(end.phase()).isEqualTo(Phase.ACTIVE_LABELING);
        List<FunctionRecord> functions = task.store.functions().of(1);
        assertThat(functions).filteredOn(f -> f.status() == FunctionRecord.Status.ENABLED)
                .extracting(f -> f.function().name())
                .contains("keyword:awful->Negative")
                .doesNotContain("keyword:great->Positive", "keyword:meh->Neutral");
        assertThat(functions).filteredOn(f -> f.status() == FunctionRecord.Status.ENABLED)
                .allSatisfy(f -> {
                    assertThat(f.checked()).isGreaterThanOrEqualTo(29);
                    assertThat(f.correct()).isEqualTo(f.checked());
                    assertThat(f.precisionLow()).isGreaterThanOrEqualTo(0.9);
                    assertThat(f.decidedBy()).isEqualTo("scripted");
                });
        for (String agreeing : List.of("keyword:great->Positive", "keyword:meh->Neutral")) {
            int batch = positionOf(functions, agreeing) + 1;
            assertThat(batch).as("%s is proposed", agreeing).isPositive();
            assertThat(task.store.workflow().queue(Phase.LABELING_FUNCTIONS, 1, batch))
                    .as("%s agrees with the model: no audit", agreeing).isEmpty();
        }
        List<LabelRequest> audits = person.requests.stream()
                .filter(request -> request.progress().phase() == Phase.LABELING_FUNCTIONS).toList();
        assertThat(audits).isNotEmpty().allSatisfy(request -> {
            assertThat(request.blind()).isTrue();
            assertThat(request.evidence()).isEmpty();
        });
        assertThat(task.store.humans().labelCount(Phase.LABELING_FUNCTIONS, 1)).isEqualTo(audits.size());
        assertThat(task.store.setups().current().enabledFunctions()).contains("keyword:awful->Negative");
        assertThat(task.store.functionLabels().count()).as("the hidden awful films, and the model's unsure ones")
                .isGreaterThanOrEqualTo(60);
        assertThat(announcements).anyMatch(line -> line.startsWith("Auditing up to "))
                .anyMatch(line -> line.endsWith("candidate labeling functions are not audited: none would change as "
                        + "many of the model's labels as its audit would cost you."));
        task.close();
    }

    private static List<List<QueueEntry>> audits(TaskFixture task, int candidates) {
        List<List<QueueEntry>> queues = new ArrayList<>();
        for (int batch = 1; batch <= candidates; batch++) {
            queues.add(task.store.workflow().queue(Phase.LABELING_FUNCTIONS, 1, batch));
        }
        return queues;
    }

    private static int positionOf(List<FunctionRecord> functions, String name) {
        for (int index = 0; index < functions.size(); index++) {
            if (functions.get(index).function().name().equals(name)) {
                return index;
            }
        }
        return -1;
    }

    @Test
    void aRuleTheRandomLabelsAlreadyRuleOutCostsNoAuditAndAWrongAnswerEndsAnAudit() throws IOException {
        // "great" is Positive four times in five: every fifth great film is Neutral. 90 random seeds check it.
        TaskFixture task = TaskFixture.create(dir, 600, 90, "random", "", i -> switch (i % 3) {
            case 0 -> (i % 5 == 0 ? "a fine great film number " : "a great film number ") + i;
            case 1 -> i % 5 == 1 ? "a great film number " + i
                    : TaskFixture.pastTheWindow("a meh film number " + i);
            default -> HIDDEN_AWFUL.apply(i);
        });
        ScriptedAnnotator person = typing(new TypedRule(TypedRule.Kind.KEYWORD, "great", "Positive"));

        task.workflow(Optional.of(person), 3, announcements::add).run(finished -> finished == Phase.LABELING_FUNCTIONS);

        List<FunctionRecord> functions = task.store.functions().of(1);
        FunctionRecord great = functions.stream().filter(f -> f.function().name().equals("keyword:great->Positive"))
                .findFirst().orElseThrow();
        int greatBatch = functions.indexOf(great) + 1;
        assertThat(great.checked()).as("random seed labels on its items").isPositive();
        assertThat(great.correct()).isLessThan(great.checked());
        assertThat(great.status()).isNotEqualTo(FunctionRecord.Status.ENABLED);
        assertThat(task.store.workflow().queue(Phase.LABELING_FUNCTIONS, 1, greatBatch))
                .as("typed, yet ruled out before any audit label").isEmpty();
        assertThat(functions).filteredOn(f -> f.status() == FunctionRecord.Status.ENABLED)
                .as("a pure rule that fixes labels is still audited and kept").isNotEmpty()
                .allSatisfy(f -> assertThat(task.store.workflow().queue(Phase.LABELING_FUNCTIONS, 1,
                        functions.indexOf(f) + 1)).hasSizeGreaterThanOrEqualTo(20));
        List<FunctionRecord> failed = functions.stream()
                .filter(f -> f.status() != FunctionRecord.Status.ENABLED && f.correct() < f.checked()).toList();
        for (FunctionRecord record : failed) {
            int batch = functions.indexOf(record) + 1;
            List<String> asked = person.requests.stream()
                    .filter(request -> request.progress().phase() == Phase.LABELING_FUNCTIONS
                            && request.progress().batch() == batch)
                    .map(request -> request.item().id()).toList();
            if (!asked.isEmpty()) {
                String last = asked.get(asked.size() - 1);
                assertThat(TaskFixture.goldFor(last)).as("an audit ends on the answer that rules its rule out: %s",
                        record.function().name()).isNotEqualTo(record.label());
            }
        }
        task.close();
    }

    /** A person who keeps every proven function and, at the first review, types {@code rule}. */
    private static ScriptedAnnotator typing(TypedRule rule) {
        return new ScriptedAnnotator() {
            private boolean typed;

            @Override
            public LabelingFunctionChoice choose(LabelingFunctionsRequest request) {
                Set<String> all = new HashSet<>();
                request.functions().forEach(function -> all.add(function.name()));
                List<TypedRule> added = typed ? List.of() : List.of(rule);
                typed = true;
                return new LabelingFunctionChoice(all, added, "scripted", false);
            }
        };
    }

    @Test
    void aDecidedRoundIsNotAuditedAgain() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 300, 15, "random", "", i -> (i % 3 == 0 ? "great " : "plain ") + i);
        ScriptedAnnotator first = new ScriptedAnnotator();
        task.workflow(Optional.of(first), 3, announcements::add).run(finished -> finished == Phase.LABELING_FUNCTIONS);
        List<FunctionRecord> decided = task.store.functions().of(1);

        ScriptedAnnotator again = new ScriptedAnnotator();
        PhaseResult result = new LabelingFunctionsPhase(task.config, task.store,
                new ConfiguredModels(task.config, task.store, 3, java.time.Clock.systemUTC(), line -> { },
                        Optional.empty()),
                new HumanLabelingLoop(task.config, task.store.items(), task.store.humans(), task.store.setups(),
                        Optional.of(again), java.time.Clock.systemUTC()),
                Optional.of(again), java.time.Clock.systemUTC(), line -> { })
                .run(new PhaseContext(new WorkflowState(Phase.LABELING_FUNCTIONS, 1, 0,
                        WorkflowState.Status.IN_PROGRESS, ""), 3, batch -> { }));

        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        assertThat(again.shown).isEmpty();
        assertThat(task.store.functions().of(1)).isEqualTo(decided);
        task.close();
    }

    @Test
    void aRuleThePersonTypesIsAuditedLikeTheOthersAndShownAgain() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 600, 20, "random", "", i -> switch (i % 3) {
            case 0 -> "a great film number " + i;
            case 1 -> "a meh film number " + i;
            default -> "an awful film number " + i;
        });
        List<LabelingFunctionsRequest> reviews = new ArrayList<>();
        ScriptedAnnotator person = new ScriptedAnnotator() {
            @Override
            public LabelingFunctionChoice choose(LabelingFunctionsRequest request) {
                reviews.add(request);
                Set<String> all = new HashSet<>();
                request.functions().forEach(function -> all.add(function.name()));
                return new LabelingFunctionChoice(all, reviews.size() == 1
                        ? List.of(new TypedRule(TypedRule.Kind.REGEX, "^an awful", "Negative")) : List.of(), "ann", false);
            }
        };

        task.workflow(Optional.of(person), 3, announcements::add).run(finished -> finished == Phase.LABELING_FUNCTIONS);

        assertThat(reviews).hasSize(2);
        assertThat(reviews.get(1).functions()).extracting(LabelingFunctionsRequest.ProposedFunction::name)
                .contains("regex:/^an awful/->Negative");
        assertThat(task.store.functions().of(1)).filteredOn(f -> f.pattern().equals("^an awful")).singleElement()
                .satisfies(f -> {
                    assertThat(f.status()).isEqualTo(FunctionRecord.Status.ENABLED);
                    assertThat(f.checked()).isGreaterThanOrEqualTo(29);
                });
        assertThat(announcements).contains("Auditing your 1 rule(s) like the others.");
        task.close();
    }

    @Test
    void anAuditStoppedMidwayResumesOnTheSameItemsAndKeepsTheRule() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 600, 30, "random",
                "    labeling_functions: {types: [keyword_match, embedding_cluster]}", HIDDEN_AWFUL);
        ScriptedAnnotator quitsAtTheFirstAudit = new ScriptedAnnotator() {
            @Override
            public Answer ask(LabelRequest request) {
                return request.progress().phase() == Phase.LABELING_FUNCTIONS ? Answer.quit() : super.ask(request);
            }
        };
        task.workflow(Optional.of(quitsAtTheFirstAudit), 3, announcements::add)
                .run(finished -> finished == Phase.LABELING_FUNCTIONS);
        List<FunctionRecord> stored = task.store.functions().of(1);
        assertThat(stored).as("candidates stored, their audit not finished").isNotEmpty()
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(FunctionRecord.Status.CANDIDATE));
        int awful = positionOf(stored, "keyword:awful->Negative") + 1;
        assertThat(awful).isPositive();
        List<List<QueueEntry>> audits = audits(task, stored.size());
        assertThat(audits).as("the first audit was drawn before the stop").anyMatch(queue -> !queue.isEmpty());

        WorkflowState end = task.workflow(Optional.of(new ScriptedAnnotator()), 3, announcements::add)
                .run(finished -> finished == Phase.LABELING_FUNCTIONS);

        assertThat(end.phase()).isEqualTo(Phase.ACTIVE_LABELING);
        assertThat(task.store.functions().of(1)).extracting(f -> f.function().name())
                .as("the same candidates").containsExactlyElementsOf(stored.stream().map(f -> f.function().name()).toList());
        List<List<QueueEntry>> resumed = audits(task, stored.size());
        for (int index = 0; index < audits.size(); index++) {
            if (!audits.get(index).isEmpty()) {
                assertThat(resumed.get(index)).as("the audit drawn before the stop").isEqualTo(audits.get(index));
            }
        }
        assertThat(task.store.functions().of(1).get(awful - 1)).satisfies(f -> {
            assertThat(f.status()).isEqualTo(FunctionRecord.Status.ENABLED);
            assertThat(f.correct()).isEqualTo(f.checked()).isGreaterThanOrEqualTo(29);
        });
        assertThat(task.store.setups().current().enabledFunctions()).contains("keyword:awful->Negative");
        task.close();
    }
}
