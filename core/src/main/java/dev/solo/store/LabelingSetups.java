package dev.solo.store;

import dev.solo.guidelines.GuidelineReview;
import dev.solo.guidelines.KeywordRule;
import dev.solo.label.LabelingSetup;
import java.util.List;
import java.util.Optional;

/** The versions of what labels are made under: guidelines, prompt variant, enabled functions. */
public interface LabelingSetups {

    /** The current version; empty before {@link #saveFirst} (a task starts by storing version 1 from its config). */
    Optional<LabelingSetup> latest();

    /** The current version; throws IllegalStateException before {@link #saveFirst}. */
    default LabelingSetup current() {
        return latest().orElseThrow(() -> new IllegalStateException("no labeling setup stored yet"));
    }

    /** Stores version 1 unless a setup is stored already; returns the current one. */
    LabelingSetup saveFirst(LabelingSetup first);

    /** Stores the next version; its number must be the current one plus one. */
    void save(LabelingSetup next);

    /** Every version, oldest first. */
    List<LabelingSetup> history();

    /**
     * Records a guideline review in one transaction: the review, and when it accepted edits the
     * next version with the approved edits' rules.
     */
    void saveReview(GuidelineReview review, Optional<LabelingSetup> next, List<KeywordRule> rules);

    /** The review of that round, if it was decided. */
    Optional<GuidelineReview> review(int round);

    /** Every rule behind an approved guideline, oldest first. */
    List<KeywordRule> rules();
}
