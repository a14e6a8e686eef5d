package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.guidelines.GuidelineAdvisor;
import dev.solo.guidelines.GuidelineReview;
import dev.solo.guidelines.GuidelineSuggestion;
import dev.solo.guidelines.KeywordRule;
import dev.solo.human.Annotator;
import dev.solo.human.Answer;
import dev.solo.human.GuidelineDecisions;
import dev.solo.human.GuidelineDecisions.EditDecision;
import dev.solo.human.GuidelineEditsRequest;
import dev.solo.human.HumanLabel;
import dev.solo.human.LabelRequest;
import dev.solo.human.LabelingFunctionChoice;
import dev.solo.human.LabelingFunctionsRequest;
import dev.solo.labeler.Labeler;
import dev.solo.metrics.ConfusionReport;
import dev.solo.metrics.ConfusionReportJson;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuidelineRefinementPhaseTest {
    private static final List<GuidelineSuggestion> SUGGESTIONS = List.of(
            new GuidelineSuggestion("s1", "Texts with 'decent' are Neutral, not Positive.", "Neutral -> Positive: 4",
                    Optional.of(new KeywordRule(List.of("decent"), "Neutral", "Positive"))),
            new GuidelineSuggestion("s2", "Texts like «meh» are Neutral, not Negative.", "Neutral -> Negative: 2",
                    Optional.empty()),
            new GuidelineSuggestion("s3", "Texts with 'awful' are Negative, not Neutral.", "Negative -> Neutral: 2",
                    Optional.of(new KeywordRule(List.of("awful"), "Negative", "Neutral"))));

    @TempDir
    Path dir;

    private TaskFixture task;
    private final List<GuidelineEditsRequest> shown = new ArrayList<>();

    @AfterEach
    void close() {
        task.close();
    }

    @Test
    void approvedEditedAndAddedTextBecomesTheNextVersionAndApprovedRulesAreKept() throws IOException {
        start("");
        Reviewer person = new Reviewer(request -> new GuidelineDecisions(List.of(EditDecision.approve("s1"),
                EditDecision.edit("s2", "Shrugging texts are Neutral."), EditDecision.reject("s3")),
                List.of("Sarcasm counts as Negative."), "ann", false));

        PhaseResult result = phase(Optional.of(person)).run(context());

        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        assertThat(result.summary()).isEqualTo("2 of 3 suggested edits accepted and 1 added by ann; guidelines version 2");
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).edits()).extracting(GuidelineEditsRequest.ProposedEdit::evidence)
                .containsExactly("Neutral -> Positive: 4", "Neutral -> Negative: 2", "Negative -> Neutral: 2");
        assertThat(task.store.setups().current().guidelines()).isEqualTo("""
                Overall sentiment.
                - Texts with 'decent' are Neutral, not Positive.
                - Shrugging texts are Neutral.
                - Sarcasm counts as Negative.""");
        assertThat(task.store.setups().current().author()).isEqualTo("ann");
        assertThat(task.store.setups().rules()).containsExactly(SUGGESTIONS.get(0).rule().orElseThrow());

        PhaseResult again = phase(Optional.of(person)).run(context());
        assertThat(again.summary()).isEqualTo(result.summary());
        assertThat(shown).as("a decided round is not asked again").hasSize(1);
    }

    @Test
    void withoutRequiredApprovalTheSuggestionsApplyWithoutAsking() throws IOException {
        start("    guideline_refinement: {require_approval: false}\n");

        PhaseResult result = phase(Optional.empty()).run(context());

        assertThat(result.outcome()).isEqualTo(Outcome.DONE);
        assertThat(task.store.setups().current().version()).isEqualTo(2);
        assertThat(task.store.setups().current().author()).isEqualTo("solo (require_approval: false)");
        assertThat(task.store.setups().rules()).hasSize(2);
    }

    @Test
    void withoutSuggestionsThePersonMayStillAddTheirOwn() throws IOException {
        start("    guideline_refinement: {auto_suggest: false}\n");
        Reviewer person = new Reviewer(request -> new GuidelineDecisions(List.of(), List.of("Irony is Negative."),
                "ann", false));

        phase(Optional.of(person)).run(context());

        assertThat(shown.get(0).edits()).isEmpty();
        assertThat(task.store.setups().current().guidelines()).endsWith("- Irony is Negative.");
        assertThat(task.store.setups().review(1)).hasValueSatisfying(review -> {
            assertThat(review.proposed()).isZero();
            assertThat(review.added()).isEqualTo(1);
        });
    }

    @Test
    void rejectingEverythingKeepsTheVersionButRecordsWhoDecided() throws IOException {
        start("");
        Reviewer person = new Reviewer(request -> new GuidelineDecisions(request.edits().stream()
                .map(edit -> EditDecision.reject(edit.id())).toList(), List.of(), "oracle (--approve none)", false));

        PhaseResult result = phase(Optional.of(person)).run(context());

        assertThat(result.summary()).isEqualTo("0 of 3 suggested edits accepted by oracle (--approve none); "
                + "guidelines version 1");
        assertThat(task.store.setups().history()).hasSize(1);
        assertThat(task.store.setups().review(1)).map(GuidelineReview::decidedBy).hasValue("oracle (--approve none)");
    }

    @Test
    void withNobodyToAskOrAPersonWhoStopsNothingChanges() throws IOException {
        start("");

        assertThat(phase(Optional.empty()).run(context()).outcome()).isEqualTo(Outcome.NEEDS_HUMAN);
        Reviewer stops = new Reviewer(request -> new GuidelineDecisions(List.of(EditDecision.approve("s1")),
                List.of(), "ann", true));
        assertThat(phase(Optional.of(stops)).run(context()).outcome()).isEqualTo(Outcome.QUIT);
        assertThat(task.store.setups().history()).hasSize(1);
        assertThat(task.store.setups().review(1)).isEmpty();
    }

    private void start(String phases) throws IOException {
        task = TaskFixture.create(dir, 30, 6, "random", phases);
        task.run(Optional.empty(), 1, line -> { }).workflow();
        for (int i = 0; i < 6; i++) {
            String id = "item-" + i;
            task.store.humans().saveLabel(new HumanLabel(id, "sentiment", TaskFixture.goldFor(id),
                    Phase.SEED_ANNOTATION, 1, "ann", Instant.now(), 10, "random", 1));
        }
        ConfusionReport report = new ConfusionReport(1, "local:test", "5-fold cross-validation", 6, 3, 0.5, 0.93, 0.1,
                50, TaskFixture.LABELS, new int[3][3],
                List.of(new ConfusionReport.Pair("Neutral", "Positive", 2, 0.33, List.of("item-1"))), List.of());
        task.store.measurements().saveConfusionReport(1, Phase.CONFUSION_ANALYSIS, ConfusionReportJson.write(report));
    }

    private GuidelineRefinementPhase phase(Optional<Annotator> person) {
        return new GuidelineRefinementPhase(task.config, task.store, new FixedAdvisorModels(), person,
                Clock.systemUTC());
    }

    private static PhaseContext context() {
        return new PhaseContext(new WorkflowState(Phase.GUIDELINE_REFINEMENT, 1, 0, WorkflowState.Status.IN_PROGRESS,
                ""), 1, batch -> { });
    }

    /** Models whose advisor always proposes {@link #SUGGESTIONS}; the phase needs nothing else of them. */
    private static final class FixedAdvisorModels implements Models {
        @Override
        public Labeler labeler(Collection<String> itemIds) {
            throw new AssertionError("phase 4 trains no labeler");
        }

        @Override
        public Labeler labeler(EmbeddingMatrix labelerVectors) {
            throw new AssertionError("phase 4 trains no labeler");
        }

        @Override
        public EmbeddingMatrix vectorsUnder(EmbeddingModel model, Collection<String> itemIds) {
            throw new AssertionError("phase 4 embeds nothing");
        }

        @Override
        public EmbeddingMatrix everyItemVectors() {
            throw new AssertionError("phase 4 embeds nothing");
        }

        @Override
        public Labeler embeddedLabeler(EmbeddingMatrix labelerVectors) {
            throw new AssertionError("phase 4 trains no labeler");
        }

        @Override
        public java.util.Optional<dev.solo.labeler.llm.EdgeCaseWriter> edgeCaseWriter() {
            throw new AssertionError("phase 4 writes no edge case");
        }

        @Override
        public float[][] encodeTexts(List<String> texts) {
            throw new AssertionError("phase 4 embeds nothing");
        }

        @Override
        public dev.solo.labeler.llm.LlmLabeler remoteLabeler(dev.solo.labeler.llm.PromptVariant variant,
                                                            EmbeddingMatrix labelerVectors) {
            throw new AssertionError("phase 4 trains no labeler");
        }

        @Override
        public EmbeddingMatrix labelerVectors(Collection<String> itemIds) {
            throw new AssertionError("phase 4 embeds nothing");
        }

        @Override
        public EmbeddingMatrix seedVectors(Collection<String> itemIds) {
            throw new AssertionError("phase 4 embeds nothing");
        }

        @Override
        public void embedInBackground() {
        }

        @Override
        public void close() {
        }

        @Override
        public GuidelineAdvisor guidelineAdvisor() {
            return new GuidelineAdvisor() {
                @Override
                public List<GuidelineSuggestion> suggest(String guidelines, ConfusionReport report,
                                                         List<dev.solo.human.HumanExample> labels,
                                                         java.util.Map<String, String> texts) {
                    return SUGGESTIONS;
                }

                @Override
                public String describe() {
                    return "fixed";
                }
            };
        }
    }

    /** A person who reviews guideline edits as the test says, and records what was shown. */
    private final class Reviewer implements Annotator {
        private final Function<GuidelineEditsRequest, GuidelineDecisions> decide;

        Reviewer(Function<GuidelineEditsRequest, GuidelineDecisions> decide) {
            this.decide = decide;
        }

        @Override
        public Answer ask(LabelRequest request) {
            throw new AssertionError("phase 4 asks for no label");
        }

        @Override
        public LabelingFunctionChoice choose(LabelingFunctionsRequest request) {
            throw new AssertionError("phase 4 shows no labeling functions");
        }

        @Override
        public String name() {
            return "ann";
        }

        @Override
        public GuidelineDecisions review(GuidelineEditsRequest request) {
            shown.add(request);
            return decide.apply(request);
        }
    }
}
