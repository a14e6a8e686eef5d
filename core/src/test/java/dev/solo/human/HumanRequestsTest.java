package dev.solo.human;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solo.dataset.Item;
import dev.solo.human.GuidelineDecisions.EditDecision;
import dev.solo.human.LabelingFunctionsRequest.ProposedFunction;
import dev.solo.workflow.Phase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HumanRequestsTest {
    private static final SchemeView SCHEME = new SchemeView("sentiment", null, List.of("Positive", "Negative"));
    private static final Progress PROGRESS = Progress.of("Reviews", Phase.FINAL_VALIDATION, 3);
    private static final Evidence EVIDENCE = new Evidence("Positive", 0.6, Map.of(), List.of(), List.of(), null);

    @Test
    void aBlindRequestCannotCarryEvidence() {
        Item item = new Item("a", "text", "{}");

        assertThat(LabelRequest.blind(PROGRESS, SCHEME, item, WhyChosen.of("random"), "").blind()).isTrue();
        assertThatThrownBy(() -> new LabelRequest(PROGRESS, SCHEME, item, WhyChosen.of("random"),
                Optional.of(EVIDENCE), true, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blind");
    }

    @Test
    void evidenceKeepsTheDistributionInTheSchemesOrder() {
        Map<String, Double> distribution = new LinkedHashMap<>();
        distribution.put("Positive", 0.6);
        distribution.put("Negative", 0.4);

        Evidence evidence = new Evidence("Positive", 0.6, distribution, List.of(), List.of(), "");

        assertThat(evidence.distribution().keySet()).containsExactly("Positive", "Negative");
        assertThatThrownBy(() -> new Evidence("Positive", 1.2, Map.of(), List.of(), List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whyChosenDescribesThePoolAndItsDetail() {
        assertThat(new WhyChosen("uncertain", "model 0.52 Positive / 0.41 Neutral").describe())
                .isEqualTo("uncertain (model 0.52 Positive / 0.41 Neutral)");
        assertThat(WhyChosen.of("random sample").describe()).isEqualTo("random sample");
    }

    @Test
    void onlyAnEditCarriesTextAndItIsNotBlank() {
        assertThatThrownBy(() -> new EditDecision("e1", GuidelineDecisions.Verdict.APPROVE, "text"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EditDecision.edit("e1", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTypedRegexMustCompileAndAFunctionMustVoteForASchemeLabel() {
        assertThatThrownBy(() -> new TypedRule(TypedRule.Kind.REGEX, "(unclosed", "Negative"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid regex");
        assertThat(new TypedRule(TypedRule.Kind.KEYWORD, "(unclosed", "Negative").pattern()).isEqualTo("(unclosed");
        assertThatThrownBy(() -> new LabelingFunctionsRequest(PROGRESS, SCHEME, List.of(
                new ProposedFunction("f", "", "Happy", 0.9, 0.8, 10, 0.1)), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Happy");
    }
}
