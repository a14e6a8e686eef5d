package dev.solo.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.human.GuidelineDecisions;
import dev.solo.human.GuidelineDecisions.EditDecision;
import dev.solo.human.GuidelineEditsRequest;
import dev.solo.human.GuidelineEditsRequest.ProposedEdit;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class GuidelineReviewScreenTest {
    private static final GuidelineEditsRequest REQUEST = new GuidelineEditsRequest(
            TerminalUnderTest.progress(Phase.GUIDELINE_REFINEMENT), TerminalUnderTest.SCHEME, List.of(
            new ProposedEdit("e1", "Mixed praise and complaint is Neutral.", "Neutral -> Positive: 23 instances (15.3%)"),
            new ProposedEdit("e2", "Sarcasm is Negative.", "Positive -> Negative: 9 instances (6.0%)"),
            new ProposedEdit("e3", "Shipping complaints are Neutral.", "")), "");

    @TempDir
    Path folder;
    private TerminalUnderTest terminal;

    @AfterEach
    void close() throws IOException {
        terminal.close();
    }

    /** A fake $EDITOR: writes {@code text} into the file it is given, or fails with {@code exit}. */
    private ExternalEditor editorWriting(String text, int exit) throws IOException {
        Path script = folder.resolve("editor-" + exit + ".sh");
        Files.writeString(script, "#!/bin/sh\nprintf '%s' '" + text + "' > \"$1\"\nexit " + exit + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new ExternalEditor(script.toString());
    }

    @Test
    void approveEditRejectAndAddGiveOneDecisionEachAndTheAddedText() throws Exception {
        terminal = new TerminalUnderTest(editorWriting("Sarcasm about quality is Negative.", 0));
        CompletableFuture<GuidelineDecisions> pending = terminal.ask(person -> person.review(REQUEST));
        assertThat(terminal.shows("3 proposed edits")).contains("undecided  Mixed praise and complaint is Neutral.")
                .contains("because Neutral -> Positive: 23 instances (15.3%)")
                .contains("a approve · e edit · r reject · n add · ↑↓ j k move · enter finish · ? help · q stop");

        terminal.type("a");
        terminal.shows("approved   Mixed praise");
        terminal.type("e");
        terminal.shows("edited     Sarcasm about quality is Negative.");
        terminal.type("r");
        terminal.shows("rejected   Shipping complaints");
        terminal.type("n");
        assertThat(terminal.shows("your own   Sarcasm about quality is Negative."))
                .contains("1 approved · 1 edited · 1 rejected · 1 your own");
        terminal.type("\r");

        GuidelineDecisions decisions = TerminalUnderTest.answer(pending);
        assertThat(decisions.decisions()).containsExactly(EditDecision.approve("e1"),
                EditDecision.edit("e2", "Sarcasm about quality is Negative."), EditDecision.reject("e3"));
        assertThat(decisions.added()).containsExactly("Sarcasm about quality is Negative.");
        assertThat(decisions.decidedBy()).isEqualTo("tester");
        assertThat(decisions.stopped()).isFalse();
    }

    @Test
    void enterWaitsForEveryEditAndQStopsWithWhatIsDecided() throws Exception {
        terminal = new TerminalUnderTest(new ExternalEditor(null));
        CompletableFuture<GuidelineDecisions> pending = terminal.ask(person -> person.review(REQUEST));
        terminal.shows("3 proposed edits");

        terminal.type("j");
        terminal.shows("▸ undecided  Sarcasm");
        terminal.type("r\r");
        assertThat(terminal.shows("2 edits are undecided")).contains("▸ undecided  Shipping");
        terminal.type("q");

        GuidelineDecisions decisions = TerminalUnderTest.answer(pending);
        assertThat(decisions.decisions()).containsExactly(EditDecision.reject("e2"));
        assertThat(decisions.stopped()).isTrue();
    }

    @Test
    void anUnsetEditorIsANoticeAndTheEditStaysUndecided() throws Exception {
        terminal = new TerminalUnderTest(new ExternalEditor(null));
        CompletableFuture<GuidelineDecisions> pending = terminal.ask(person -> person.review(REQUEST));
        terminal.shows("3 proposed edits");

        terminal.type("e");
        assertThat(terminal.shows("$EDITOR is not set")).contains("▸ undecided  Mixed praise");
        terminal.type("n");
        terminal.shows("0 your own");
        terminal.type("q");

        assertThat(TerminalUnderTest.answer(pending).decisions()).isEmpty();
    }

    @Test
    void anEditorThatFailsOrLeavesNothingIsANotice() throws Exception {
        terminal = new TerminalUnderTest(editorWriting("ignored", 3));
        CompletableFuture<GuidelineDecisions> failing = terminal.ask(person -> person.review(REQUEST));
        terminal.shows("3 proposed edits");
        terminal.type("e");
        assertThat(terminal.shows("exited with 3; nothing changed")).contains("▸ undecided  Mixed praise");
        terminal.type("q");
        assertThat(TerminalUnderTest.answer(failing).decisions()).isEmpty();
        terminal.close();

        terminal = new TerminalUnderTest(editorWriting("", 0));
        CompletableFuture<GuidelineDecisions> empty = terminal.ask(person -> person.review(REQUEST));
        terminal.shows("3 proposed edits");
        terminal.type("n");
        assertThat(terminal.shows("The text came back empty")).contains("0 your own");
        terminal.type("q");
        assertThat(TerminalUnderTest.answer(empty).added()).isEmpty();
    }

    @Test
    void helpListsEveryKeyOfTheTable() throws Exception {
        terminal = new TerminalUnderTest(new ExternalEditor(null));
        CompletableFuture<GuidelineDecisions> pending = terminal.ask(person -> person.review(REQUEST));
        terminal.shows("3 proposed edits");

        terminal.type("?");
        assertThat(terminal.shows("rewrite the selected edit in $EDITOR")).contains("↑↓ j k  move the selection")
                .contains("g       show the current guidelines").contains("enter   finish, once every proposed edit");
        terminal.type("x");
        terminal.stopsShowing("rewrite the selected edit");
        terminal.type("q");
        TerminalUnderTest.answer(pending);
    }
}
