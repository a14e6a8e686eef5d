package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.human.LabelRequest;
import dev.solo.human.LabelingFunctionChoice;
import dev.solo.human.LabelingFunctionsRequest;
import dev.solo.human.TypedRule;
import dev.solo.human.Answer;
import dev.solo.lf.ClusterFunction;
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

    @Test
    void aWordThatGivesTheLabelAwayIsAuditedBlindProvenAndKept() throws IOException {
        // Gold: item i is Positive, Neutral, Negative for i % 3 = 0, 1, 2.
        TaskFixture task = TaskFixture.create(dir, 600, 20, "random", "", i -> switch (i % 3) {
            case 0 -> "a great film number " + i;
            case 1 -> "a meh film number " + i;
            default -> (i % 9 == 2 ? "a meh and awful film number " : "an awful film number ") + i;
        });
        ScriptedAnnotator person = new ScriptedAnnotator();

        WorkflowState end = task.workflow(Optional.of(person), 3, announcements::add)
                .run(finished -> finished == Phase.LABELING_FUNCTIONS);

        assertThat(end.phase()).isEqualTo(Phase.ACTIVE_LABELING);
        List<FunctionRecord> functions = task.store.functions().of(1);
        assertThat(functions).filteredOn(f -> f.status() == FunctionRecord.Status.ENABLED)
                .extracting(f -> f.function().name())
                .contains("keyword:great->Positive", "keyword:awful->Negative");
        assertThat(functions).filteredOn(f -> f.status() == FunctionRecord.Status.ENABLED)
                .allSatisfy(f -> {
                    assertThat(f.checked()).isGreaterThanOrEqualTo(29);
                    assertThat(f.correct()).isEqualTo(f.checked());
                    assertThat(f.precisionLow()).isGreaterThanOrEqualTo(0.9);
                    assertThat(f.decidedBy()).isEqualTo("scripted");
                });
        assertThat(functions).extracting(FunctionRecord::pattern).doesNotContain("meh");
        List<LabelRequest> audits = person.requests.stream()
                .filter(request -> request.progress().phase() == Phase.LABELING_FUNCTIONS).toList();
        assertThat(audits).isNotEmpty().allSatisfy(request -> {
            assertThat(request.blind()).isTrue();
            assertThat(request.evidence()).isEmpty();
        });
        assertThat(task.store.humans().labelCount(Phase.LABELING_FUNCTIONS, 1)).isEqualTo(audits.size());
        assertThat(task.store.setups().current().enabledFunctions())
                .contains("keyword:great->Positive", "keyword:awful->Negative");
        assertThat(task.store.functionLabels().count()).isGreaterThanOrEqualTo(400 - audits.size() - 20);
        assertThat(announcements).anyMatch(line -> line.startsWith("Auditing up to "));
        task.close();
    }

    @Test
    void aRuleTheRandomLabelsAlreadyRuleOutCostsNoAuditAndAWrongAnswerEndsAnAudit() throws IOException {
        // "great" is Positive four times in five: every fifth great film is Neutral. 90 random seeds check it.
        TaskFixture task = TaskFixture.create(dir, 600, 90, "random", "", i -> switch (i % 3) {
            case 0 -> (i % 5 == 0 ? "a fine great film number " : "a great film number ") + i;
            case 1 -> (i % 5 == 1 ? "a great film number " : "a meh film number ") + i;
            default -> "an awful film number " + i;
        });
        ScriptedAnnotator person = new ScriptedAnnotator();

        task.workflow(Optional.of(person), 3, announcements::add).run(finished -> finished == Phase.LABELING_FUNCTIONS);

        List<FunctionRecord> functions = task.store.functions().of(1);
        FunctionRecord great = functions.stream().filter(f -> f.function().name().equals("keyword:great->Positive"))
                .findFirst().orElseThrow();
        int greatBatch = functions.indexOf(great) + 1;
        assertThat(great.checked()).as("random seed labels on its items").isPositive();
        assertThat(great.correct()).isLessThan(great.checked());
        assertThat(great.status()).isNotEqualTo(FunctionRecord.Status.ENABLED);
        assertThat(task.store.workflow().queue(Phase.LABELING_FUNCTIONS, 1, greatBatch))
                .as("ruled out before any audit label").isEmpty();
        assertThat(functions).filteredOn(f -> f.status() == FunctionRecord.Status.ENABLED)
                .as("pure rules are still audited and kept").isNotEmpty()
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
    void aNeighbourhoodOfOneTopicIsMinedAuditedAndKeptAcrossAResume() throws IOException {
        List<List<String>> topics = List.of(
                List.of("the chef cooked pasta with garlic", "we baked bread with fresh butter",
                        "a bowl of soup with tomato and basil", "grilled fish with lemon and herbs"),
                List.of("rain and wind are expected tomorrow", "the forecast says cloudy skies",
                        "snow fell across the northern hills", "a cold front brings showers tonight"),
                List.of("the striker scored a late goal", "the team lost the football match",
                        "the goalkeeper saved a penalty kick", "fans cheered in the stadium"));
        TaskFixture task = TaskFixture.create(dir, 600, 20, "random",
                "    labeling_functions: {types: [embedding_cluster], min_coverage: 0.1}",
                i -> topics.get(i % 3).get(i / 3 % 4) + " " + i);
        ScriptedAnnotator quitsAtTheFirstAudit = new ScriptedAnnotator() {
            @Override
            public Answer ask(LabelRequest request) {
                return request.progress().phase() == Phase.LABELING_FUNCTIONS ? Answer.quit() : super.ask(request);
            }
        };
        task.workflow(Optional.of(quitsAtTheFirstAudit), 3, announcements::add)
                .run(finished -> finished == Phase.LABELING_FUNCTIONS);
        assertThat(task.store.functions().of(1)).as("candidates stored, their audit not finished").isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.kind()).isEqualTo("cluster");
                    assertThat(f.status()).isEqualTo(FunctionRecord.Status.CANDIDATE);
                });

        WorkflowState end = task.workflow(Optional.of(new ScriptedAnnotator()), 3, announcements::add)
                .run(finished -> finished == Phase.LABELING_FUNCTIONS);

        assertThat(end.phase()).isEqualTo(Phase.ACTIVE_LABELING);
        List<FunctionRecord> enabled = task.store.functions().of(1).stream()
                .filter(f -> f.status() == FunctionRecord.Status.ENABLED).toList();
        assertThat(enabled).isNotEmpty().allSatisfy(f -> {
            assertThat(f.function()).isInstanceOf(ClusterFunction.class);
            assertThat(f.function().name()).startsWith("cluster:1.");
            assertThat(f.correct()).isEqualTo(f.checked()).isGreaterThanOrEqualTo(29);
        });
        assertThat(task.store.setups().current().enabledFunctions())
                .containsExactlyElementsOf(enabled.stream().map(f -> f.function().name()).toList());
        assertThat(task.store.functionLabels().count()).as("the kept neighbourhoods label the items near them")
                .isGreaterThanOrEqualTo(enabled.stream().mapToLong(FunctionRecord::covered).max().orElseThrow() / 2);
        task.close();
    }
}
