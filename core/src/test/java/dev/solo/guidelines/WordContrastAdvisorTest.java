package dev.solo.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.human.HumanExample;
import dev.solo.metrics.ConfusionReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordContrastAdvisorTest {
    private static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");

    @Test
    void theWordsThatSetThePersonsLabelApartBecomeARuleWithItsEvidence() {
        Map<String, String> texts = new HashMap<>();
        List<HumanExample> labels = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            add(labels, texts, "n" + i, "Neutral", i % 3 == 0 ? "a decent film, not bad at " + i : "it is decent enough " + i);
            add(labels, texts, "p" + i, "Positive", "a wonderful film, truly great " + i);
        }
        ConfusionReport report = report(new ConfusionReport.Pair("Neutral", "Positive", 5, 0.2, List.of("n0", "n1")));

        List<GuidelineSuggestion> suggestions = new WordContrastAdvisor().suggest("Overall sentiment.", report, labels,
                texts);

        assertThat(suggestions).hasSize(1);
        GuidelineSuggestion suggestion = suggestions.get(0);
        assertThat(suggestion.rule()).hasValueSatisfying(rule -> {
            assertThat(rule.terms()).contains("decent");
            assertThat(rule.terms()).doesNotContain("film", "a");
            assertThat(rule.label()).isEqualTo("Neutral");
            assertThat(rule.insteadOf()).isEqualTo("Positive");
        });
        assertThat(suggestion.text()).startsWith("Texts with 'decent'").endsWith("are Neutral, not Positive.");
        assertThat(suggestion.evidence()).contains("Neutral -> Positive: 5 of 25 compared labels (20.0%)")
                .contains("'decent' in 12 of 12 Neutral and 0 of 12 Positive texts")
                .contains("«a decent film, not bad at 0»");
    }

    @Test
    void withoutADistinctiveWordTheSuggestionShowsTheExamplesAndCarriesNoRule() {
        Map<String, String> texts = new HashMap<>();
        List<HumanExample> labels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            add(labels, texts, "n" + i, "Neutral", "the film " + i);
            add(labels, texts, "p" + i, "Positive", "the film " + (i + 10));
        }
        ConfusionReport report = report(new ConfusionReport.Pair("Neutral", "Positive", 2, 0.25, List.of("n0")));

        GuidelineSuggestion suggestion = new WordContrastAdvisor().suggest("", report, labels, texts).get(0);

        assertThat(suggestion.rule()).isEmpty();
        assertThat(suggestion.text()).isEqualTo("Texts like «the film 0» are Neutral, not Positive.");
        assertThat(suggestion.evidence()).contains("no word sets them apart in your labels yet");
    }

    @Test
    void noConfusionNoSuggestion() {
        assertThat(new WordContrastAdvisor().suggest("", report(), List.of(), Map.of())).isEmpty();
    }

    private static void add(List<HumanExample> labels, Map<String, String> texts, String id, String label, String text) {
        labels.add(new HumanExample(id, label));
        texts.put(id, text);
    }

    private static ConfusionReport report(ConfusionReport.Pair... pairs) {
        return new ConfusionReport(1, "local:test", "5-fold cross-validation", 25, 20, 0.8, 0.93, 0.05, 50, LABELS,
                new int[3][3], List.of(pairs), List.of());
    }
}
