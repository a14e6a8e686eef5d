package dev.solo.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.dataset.Item;
import dev.solo.human.Answer;
import dev.solo.human.Evidence;
import dev.solo.human.LabelRequest;
import dev.solo.human.Progress;
import dev.solo.human.WhyChosen;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LabelingEvidenceTest {
    private static final Progress PROGRESS = new Progress("Reviews", Phase.DISAGREEMENT_EXPLORATION, 0, 0, 2, 20, 120);
    private static final Item ITEM = new Item("rev_104", "Great, another charger that died in a week.", "{}");
    private static final WhyChosen WHY = new WhyChosen("disagreement", "model Positive vs functions Negative");

    private final TerminalUnderTest terminal = new TerminalUnderTest(new ExternalEditor(null));

    @AfterEach
    void close() throws IOException {
        terminal.close();
    }

    @Test
    void evidenceShowsTheModelTheFunctionsTheNeighboursAndTheReasoning() throws Exception {
        Map<String, Double> distribution = new LinkedHashMap<>();
        distribution.put("Positive", 0.55);
        distribution.put("Neutral", 0.15);
        distribution.put("Negative", 0.30);
        Evidence evidence = new Evidence("Positive", 0.55, distribution,
                List.of(new Evidence.FunctionVote("kw_died", "Negative")),
                List.of(new Evidence.Neighbour("rev_017", "Stopped working after two days.", "Negative", 0.81)),
                "The word 'Great' suggests praise.");
        CompletableFuture<Answer> pending = terminal.ask(person -> person.ask(
                LabelRequest.withEvidence(PROGRESS, TerminalUnderTest.SCHEME, ITEM, WHY, evidence, "")));

        assertThat(terminal.shows("another charger"))
                .contains("chosen from: disagreement (model Positive vs functions Negative)")
                .contains("model: Positive 0.55  (Positive 0.55 · Neutral 0.15 · Negative 0.30)")
                .contains("functions: kw_died → Negative")
                .contains("near 0.81 Negative: Stopped working after two days.")
                .contains("reasoning: The word 'Great' suggests praise.");
        terminal.type("3");
        assertThat(TerminalUnderTest.answer(pending)).isEqualTo(Answer.label("Negative"));
    }

    @Test
    void aBlindRequestShowsNothingOfTheModel() throws Exception {
        CompletableFuture<Answer> pending = terminal.ask(person -> person.ask(
                LabelRequest.blind(PROGRESS, TerminalUnderTest.SCHEME, ITEM, WHY, "")));

        assertThat(terminal.shows("another charger")).contains("chosen from: disagreement")
                .contains("blind review").doesNotContain("model Positive").doesNotContain("model:")
                .doesNotContain("functions:");
        terminal.type("1");
        assertThat(TerminalUnderTest.answer(pending)).isEqualTo(Answer.label("Positive"));
    }
}
