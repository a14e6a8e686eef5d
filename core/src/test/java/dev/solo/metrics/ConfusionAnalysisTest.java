package dev.solo.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.solo.labeler.Prediction;
import dev.solo.human.HumanExample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionAnalysisTest {
    private static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");

    /**
     * Ten compared items, worked out by hand:
     * <pre>
     *              model: Positive Neutral Negative
     * human Positive          2       1       0
     *       Neutral           2       1       0
     *       Negative          0       1       3
     * </pre>
     * 6 of 10 right; Positive P=2/4 R=2/3, Neutral P=1/3 R=1/3, Negative P=3/3 R=3/4.
     */
    @Test
    void numbersMatchAHandCheckedTable() {
        String[][] pairs = {
                {"1", "Positive", "Positive"}, {"2", "Positive", "Positive"}, {"3", "Positive", "Neutral"},
                {"4", "Neutral", "Positive"}, {"5", "Neutral", "Positive"}, {"6", "Neutral", "Neutral"},
                {"7", "Negative", "Negative"}, {"8", "Negative", "Negative"}, {"9", "Negative", "Neutral"},
                {"10", "Negative", "Negative"}};
        List<HumanExample> examples = new ArrayList<>();
        List<Prediction> predictions = new ArrayList<>();
        for (String[] pair : pairs) {
            examples.add(new HumanExample(pair[0], pair[1]));
            predictions.add(new Prediction(pair[0], pair[2], 0.75, 0.5, null, null));
        }
        examples.add(new HumanExample("11", "Positive")); // no prediction: left out

        ConfusionReport report = new ConfusionAnalysis(LABELS, 0.9, 30).compare(2, "local:test", "holdout", examples,
                predictions);

        assertThat(report.round()).isEqualTo(2);
        assertThat(report.compared()).isEqualTo(10);
        assertThat(report.correct()).isEqualTo(6);
        assertThat(report.accuracy()).isEqualTo(0.6);
        assertThat(report.matrix()).isDeepEqualTo(new int[][] {{2, 1, 0}, {2, 1, 0}, {0, 1, 3}});
        assertThat(report.pairs()).extracting(p -> p.human() + "->" + p.model() + ":" + p.count())
                .containsExactly("Neutral->Positive:2", "Positive->Neutral:1", "Negative->Neutral:1");
        assertThat(report.pairs().get(0).share()).isEqualTo(0.2);
        assertThat(report.pairs().get(0).exampleIds()).containsExactly("4", "5");
        assertThat(report.perClass()).hasSize(3);
        assertScore(report.perClass().get(0), "Positive", 2.0 / 4, 2.0 / 3, 4.0 / 7, 3);
        assertScore(report.perClass().get(1), "Neutral", 1.0 / 3, 1.0 / 3, 1.0 / 3, 3);
        assertScore(report.perClass().get(2), "Negative", 1.0, 3.0 / 4, 6.0 / 7, 4);
        // every confidence is 0.75 and 6 of 10 are right: |7.5 - 6| / 10
        assertThat(report.calibrationError()).isCloseTo(0.15, within(1e-12));
        assertThat(report.belowMinSamples()).isTrue();
    }

    @Test
    void theReportSurvivesItsJsonForm() {
        ConfusionReport report = new ConfusionAnalysis(LABELS, 0.9, 5).compare(1, "local:test", "holdout",
                List.of(new HumanExample("a", "Positive"), new HumanExample("b", "Negative")),
                List.of(new Prediction("a", "Positive", 0.9, 0.8, null, null), new Prediction("b", "Positive", 0.6, 0.2, null, null)));

        ConfusionReport read = ConfusionReportJson.read(ConfusionReportJson.write(report));

        assertThat(read).usingRecursiveComparison().isEqualTo(report);
        assertThat(ConfusionReportJson.write(report)).contains("\"per_class\"").contains("\"example_ids\"");
    }

    private static void assertScore(ConfusionReport.ClassScore score, String label, double precision, double recall,
                                    double f1, int support) {
        assertThat(score.label()).isEqualTo(label);
        assertThat(score.precision()).isCloseTo(precision, within(1e-12));
        assertThat(score.recall()).isCloseTo(recall, within(1e-12));
        assertThat(score.f1()).isCloseTo(f1, within(1e-12));
        assertThat(score.support()).isEqualTo(support);
    }
}
