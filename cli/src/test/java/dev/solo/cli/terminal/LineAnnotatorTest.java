package dev.solo.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.human.GuidelineDecisions;
import dev.solo.human.GuidelineDecisions.EditDecision;
import dev.solo.human.GuidelineEditsRequest;
import dev.solo.human.GuidelineEditsRequest.ProposedEdit;
import dev.solo.human.LabelingFunctionChoice;
import dev.solo.human.LabelingFunctionsRequest;
import dev.solo.human.LabelingFunctionsRequest.ProposedFunction;
import dev.solo.human.TypedRule;
import dev.solo.workflow.Phase;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAnnotatorTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private LineAnnotator answering(String lines) {
        return new LineAnnotator(new BufferedReader(new StringReader(lines)),
                new PrintStream(printed, true, StandardCharsets.UTF_8), "tester");
    }

    @Test
    void guidelineEditsAreDecidedLineByLineAndOwnEditsFollow() {
        GuidelineEditsRequest request = new GuidelineEditsRequest(TerminalUnderTest.progress(Phase.GUIDELINE_REFINEMENT),
                TerminalUnderTest.SCHEME, List.of(new ProposedEdit("e1", "Sarcasm is Negative.", "9 instances"),
                new ProposedEdit("e2", "Refunds are Negative.", ""), new ProposedEdit("e3", "Shipping is Neutral.", "")),
                "");

        GuidelineDecisions decisions = answering("a\nx\ne\n\ne\nRefund requests are Negative.\nr\nMy own.\n\n")
                .review(request);

        assertThat(decisions.decisions()).containsExactly(EditDecision.approve("e1"),
                EditDecision.edit("e2", "Refund requests are Negative."), EditDecision.reject("e3"));
        assertThat(decisions.added()).containsExactly("My own.");
        assertThat(decisions.stopped()).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("'x' is not an answer here.")
                .contains("An empty edit changes nothing");
    }

    @Test
    void functionsAreDisabledByNumberAndTypedRulesAreChecked() {
        LabelingFunctionsRequest request = new LabelingFunctionsRequest(TerminalUnderTest.progress(Phase.LABELING_FUNCTIONS),
                TerminalUnderTest.SCHEME, List.of(new ProposedFunction("kw_refund", "keyword 'refund'", "Negative", 0.93,
                0.85, 41, 0.041), new ProposedFunction("kw_love", "keyword 'love'", "Positive", 0.88, 0.79, 57, 0.062)),
                "");

        LabelingFunctionChoice choice = answering("2\n/(bad/ = Negative\nbroken = 3\n\n").choose(request);

        assertThat(choice.enabled()).containsExactly("kw_refund");
        assertThat(choice.added()).containsExactly(new TypedRule(TypedRule.Kind.KEYWORD, "broken", "Negative"));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("0.93 (≥0.85, n=41)").contains("not a valid regex");
    }

    @Test
    void endOfInputStopsAReview() {
        GuidelineEditsRequest request = new GuidelineEditsRequest(TerminalUnderTest.progress(Phase.GUIDELINE_REFINEMENT),
                TerminalUnderTest.SCHEME, List.of(new ProposedEdit("e1", "Sarcasm is Negative.", "")), "");

        assertThat(answering("").review(request).stopped()).isTrue();
    }
}
