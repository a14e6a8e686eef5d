package dev.solo.guidelines;

import dev.solo.human.HumanExample;
import dev.solo.metrics.ConfusionReport;
import java.util.List;
import java.util.Map;

/** Proposes guideline edits from where the model and the person disagree. */
public interface GuidelineAdvisor {

    /**
     * Edits for the most frequent confusion pairs of {@code report}, most useful first; empty when
     * the evidence supports none.
     *
     * @param labels the person's labels in force, in the order given
     * @param texts  the texts of those items and of the report's example items
     */
    List<GuidelineSuggestion> suggest(String guidelines, ConfusionReport report, List<HumanExample> labels,
                                      Map<String, String> texts);

    /** What {@code status} and the review screen say this advisor can do. */
    String describe();
}
