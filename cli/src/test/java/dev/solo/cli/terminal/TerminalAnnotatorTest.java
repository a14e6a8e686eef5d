package dev.solo.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.dataset.Item;
import dev.solo.human.Answer;
import dev.solo.human.LabelRequest;
import dev.solo.human.Progress;
import dev.solo.human.SchemeView;
import dev.solo.human.WhyChosen;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The labeling screen on a real JLine terminal: keys go in, the screen a person sees comes out. */
@Timeout(20)
class TerminalAnnotatorTest {
    private final TerminalUnderTest terminal = new TerminalUnderTest(new ExternalEditor(null), 80, 24);
    private final TerminalAnnotator annotator = terminal.annotator;

    @AfterEach
    void closeTerminal() throws IOException {
        terminal.close();
    }

    @Test
    void aLabelKeyAnswersWithThatLabelAndTheFrameShowsTheItem() throws Exception {
        type("3");

        Answer answer = annotator.ask(request("The quality is decent for the price point."));

        assertThat(answer).isEqualTo(Answer.label("Negative"));
        assertThat(shownUpTo("q save and quit")).contains("The quality is decent for the price point.")
                .contains("Phase 1 Seed Annotation")
                .contains("[1]").contains("Positive").contains("Neutral")
                .contains("u undo · s skip · g guidelines · ? help · q save and quit")
                .contains("id rev_004")
                .contains("3/50 this phase");
    }

    @Test
    void helpAndUnknownKeysDoNotAnswerAndTheNextKeyDoes() throws Exception {
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> annotator.ask(request("text")));
        shownUpTo("q save and quit");

        type("x");
        assertThat(shownUpTo("Key 'x' does nothing here")).contains("text");
        type("?");
        assertThat(shownUpTo("take back the last answer")).contains("1  label the text Positive")
                .contains("g  show the guidelines").contains("?  show these keys");
        type("z");
        shownUpTo("q save and quit");
        type("2");

        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(Answer.label("Neutral"));
    }

    @Test
    void undoSkipAndQuitKeys() {
        type("u");
        assertThat(annotator.ask(request("a"))).isEqualTo(Answer.undo());
        type("s");
        assertThat(annotator.ask(request("b"))).isEqualTo(Answer.skip());
        type("q");
        assertThat(annotator.ask(request("c"))).isEqualTo(Answer.quit());
    }

    @Test
    void guidelinesShowTheSchemeDescriptionUntilTheNextKey() throws Exception {
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> annotator.ask(request("the review text")));
        shownUpTo("the review text");

        type("g");
        assertThat(shownUpTo("Guidelines for sentiment")).contains("What is the overall sentiment of this review?")
                .doesNotContain("the review text");
        type(" ");
        shownUpTo("the review text");
        type("1");

        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(Answer.label("Positive"));
    }

    @Test
    void announcementsBetweenItemsShowAtOnceAndStayInTheFrame() throws Exception {
        annotator.announce("Embedding 2,210 items with e5-small-v2.");

        assertThat(shownUpTo("Embedding 2,210 items")).contains("solo is working; the next question shows when this is done");
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> annotator.ask(request("text")));
        assertThat(shownUpTo("q save and quit")).contains("Embedding 2,210 items with e5-small-v2.");
        type("1");
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(Answer.label("Positive"));
    }

    @Test
    void keysTypedAtTheWorkingScreenDoNotAnswerTheNextItem() throws Exception {
        annotator.announce("Training the model.");
        shownUpTo("Training the model.");
        type("3");
        Thread.sleep(100);

        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> annotator.ask(request("shown later")));
        shownUpTo("shown later");
        type("2");

        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(Answer.label("Neutral"));
    }

    private void type(String keys) {
        terminal.type(keys);
    }

    private String shownUpTo(String last) {
        return terminal.shows(last);
    }

    /**
     * JLine's Display rewrites only the lines it knows changed, and moves lines it finds again
     * with insert and delete line: a frame shorter than the screen can leave the last frame's
     * lower lines, so every frame fills the screen.
     */
    @Test
    void eachFrameLeavesNothingOfTheFrameBefore() throws Exception {
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 5; i++) {
                annotator.announce("Embedded " + round + i + " items.");
            }
            String text = round % 2 == 0 ? "short item" : "long words ".repeat(150);
            CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> annotator.ask(request(text)));
            assertThat(shownUpTo("q save and quit")).doesNotContain("solo is working");
            type("1");
            answer.get(5, TimeUnit.SECONDS);
            annotator.announce("Trained the model, round " + round + ".");

            assertThat(shownUpTo("round " + round + ".")).doesNotContain("q save and quit")
                    .doesNotContain("short item").doesNotContain("long words");
        }
    }

    private static LabelRequest request(String text) {
        return new LabelRequest(new Progress("Reviews", Phase.SEED_ANNOTATION, 0, 0, 3, 50, 3),
                new SchemeView("sentiment", "What is the overall sentiment of this review?",
                        List.of("Positive", "Neutral", "Negative")),
                new Item("rev_004", text, "{}"), WhyChosen.of("random sample"), "");
    }
}
