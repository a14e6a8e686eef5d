package dev.solo.human;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solo.SoloInputException;
import dev.solo.dataset.Item;
import dev.solo.human.GuidelineDecisions.EditDecision;
import dev.solo.human.GuidelineEditsRequest.ProposedEdit;
import dev.solo.human.LabelingFunctionsRequest.ProposedFunction;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OracleAnnotatorTest {
    private static final SchemeView SCHEME = new SchemeView("sentiment", "", List.of("Positive", "Negative"));
    private static final Progress PROGRESS = Progress.of("Reviews", Phase.GUIDELINE_REFINEMENT, 12);
    private static final GuidelineEditsRequest EDITS = new GuidelineEditsRequest(PROGRESS, SCHEME, List.of(
            new ProposedEdit("e1", "Sarcasm is Negative.", ""), new ProposedEdit("e2", "Refunds are Negative.", "")), "");

    @TempDir
    Path folder;
    private GoldLabels gold;

    @BeforeEach
    void writeGold() throws IOException {
        Path file = folder.resolve("gold.jsonl");
        Files.writeString(file, "{\"id\":\"a\",\"sentiment\":\"Positive\"}\n");
        gold = GoldLabels.load(file, "id", "sentiment", SCHEME.labels());
    }

    @Test
    void labelsComeFromGoldAndAMissingIdIsAnInputError() {
        OracleAnnotator oracle = new OracleAnnotator(gold);
        Progress progress = new Progress("Reviews", Phase.SEED_ANNOTATION, 0, 0, 0, 5, 0);

        assertThat(oracle.ask(new LabelRequest(progress, SCHEME, new Item("a", "text", "{}"), WhyChosen.of("random"), "")))
                .isEqualTo(Answer.label("Positive"));
        assertThatThrownBy(() -> oracle.ask(LabelRequest.blind(progress, SCHEME, new Item("b", "t", "{}"),
                WhyChosen.of("random"), ""))).isInstanceOf(SoloInputException.class).hasMessageContaining("'b'");
    }

    @Test
    void approveAllApprovesEveryEditAndSaysWhoDecided() {
        GuidelineDecisions decisions = new OracleAnnotator(gold, ApprovalPolicy.ALL).review(EDITS);

        assertThat(decisions.decisions()).containsExactly(EditDecision.approve("e1"), EditDecision.approve("e2"));
        assertThat(decisions.added()).isEmpty();
        assertThat(decisions.decidedBy()).isEqualTo("oracle (--approve all)");
        assertThat(decisions.stopped()).isFalse();
    }

    @Test
    void withoutAPolicyTheOracleRejectsEveryEditAsApproveNoneDoes() {
        GuidelineDecisions decisions = new OracleAnnotator(gold).review(EDITS);

        assertThat(decisions.decisions()).containsExactly(EditDecision.reject("e1"), EditDecision.reject("e2"));
        assertThat(decisions.decidedBy()).isEqualTo("oracle (--approve none)");
    }

    @Test
    void provenLabelingFunctionsAreKeptWithApproveAllAndNoneWithApproveNone() {
        LabelingFunctionsRequest request = new LabelingFunctionsRequest(PROGRESS, SCHEME, List.of(
                new ProposedFunction("kw_refund", "keyword 'refund'", "Negative", 0.9, 0.8, 30, 0.05),
                new ProposedFunction("kw_love", "keyword 'love'", "Positive", 0.9, 0.8, 30, 0.05)), "");

        LabelingFunctionChoice all = new OracleAnnotator(gold, ApprovalPolicy.ALL).choose(request);
        LabelingFunctionChoice none = new OracleAnnotator(gold, ApprovalPolicy.NONE).choose(request);

        assertThat(all.enabled()).containsExactlyInAnyOrder("kw_refund", "kw_love");
        assertThat(all.added()).isEmpty();
        assertThat(all.decidedBy()).isEqualTo("oracle (--approve all)");
        assertThat(none.enabled()).isEmpty();
        assertThat(none.decidedBy()).isEqualTo("oracle (--approve none)");
    }
}
