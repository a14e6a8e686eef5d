package dev.solo.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.human.LabelingFunctionChoice;
import dev.solo.human.LabelingFunctionsRequest;
import dev.solo.human.LabelingFunctionsRequest.ProposedFunction;
import dev.solo.human.TypedRule;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FunctionReviewScreenTest {
    private static final LabelingFunctionsRequest REQUEST = new LabelingFunctionsRequest(
            TerminalUnderTest.progress(Phase.LABELING_FUNCTIONS), TerminalUnderTest.SCHEME, List.of(
            new ProposedFunction("kw_refund", "keyword 'refund'", "Negative", 0.93, 0.85, 41, 0.041),
            new ProposedFunction("kw_love", "keyword 'love'", "Positive", 0.88, 0.79, 57, 0.062)), "");

    private TerminalUnderTest terminal;
    private CompletableFuture<LabelingFunctionChoice> pending;

    @BeforeEach
    void showFunctions() {
        terminal = new TerminalUnderTest(new ExternalEditor(null));
        pending = terminal.ask(person -> person.choose(REQUEST));
    }

    @AfterEach
    void close() throws IOException {
        terminal.close();
    }

    @Test
    void theTableShowsPrecisionWithItsBoundAndNAndCoverage() {
        assertThat(terminal.shows("keyword 'refund'")).contains("precision (bound, n)").contains("coverage")
                .contains("[x] keyword 'refund'").contains("0.93 (≥0.85, n=41)").contains("4.1%")
                .contains("0.88 (≥0.79, n=57)").contains("6.2%").contains("2 functions proposed · 2 on")
                .contains("space on/off · ↑↓ j k move · t type your own · enter finish · ? help · q stop");
        terminal.type("q");
    }

    @Test
    void spaceTurnsAFunctionOffAndTypedRulesAreAdded() throws Exception {
        terminal.shows("keyword 'refund'");

        terminal.type("\033[B ");
        assertThat(terminal.shows("[ ] keyword 'love'")).contains("[x] keyword 'refund'");
        terminal.type("t");
        terminal.shows("rule (keyword = Label, or /regex/ = Label):");
        terminal.type("broken = Negative\r");
        terminal.shows("[+] keyword 'broken'");
        terminal.type("t/not (good|great)/ = 2\r");
        assertThat(terminal.shows("[+] regex /not (good|great)/")).contains("2 your own").contains("1 on");
        terminal.type("\r");

        LabelingFunctionChoice choice = TerminalUnderTest.answer(pending);
        assertThat(choice.enabled()).containsExactly("kw_refund");
        assertThat(choice.added()).containsExactly(new TypedRule(TypedRule.Kind.KEYWORD, "broken", "Negative"),
                new TypedRule(TypedRule.Kind.REGEX, "not (good|great)", "Neutral"));
        assertThat(choice.stopped()).isFalse();
    }

    @Test
    void aBadRuleIsANoticeAndAddsNothing() throws Exception {
        terminal.shows("keyword 'refund'");

        terminal.type("t/(unclosed/ = Negative\r");
        terminal.shows("/(unclosed/ is not a valid regex");
        terminal.type("tbroken = Happy\r");
        terminal.shows("'Happy' is not a label of the scheme (Positive, Neutral, Negative)");
        terminal.type("tbroken\r");
        terminal.shows("'broken' has no label");
        terminal.type("tbroken = Negative\033");
        assertThat(terminal.stopsShowing("rule (keyword")).contains("0 your own");
        terminal.type("\r");

        assertThat(TerminalUnderTest.answer(pending).added()).isEmpty();
    }

    /** A line reaching the last column wraps, and the wrapped part stayed under the next frame; the typing end stays in view. */
    @Test
    void aLongTypedRuleLeavesNothingBehindOnTheScreen() throws Exception {
        terminal.shows("keyword 'refund'");

        terminal.type("t/(stopped|quit|died) (working )?(after|within) (a|one|two) (day|week)s?/ = Negative");
        assertThat(terminal.shows("(day|week)s?/ = Negative█")).contains("rule (keyword = Label, or /regex/ = Label): …");
        terminal.type("\r");

        assertThat(terminal.shows("1 your own")).doesNotContain("cancels").doesNotContain("rule (keyword");
        terminal.type("\r");
        assertThat(TerminalUnderTest.answer(pending).added()).hasSize(1);
    }
}
