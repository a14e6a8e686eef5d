package dev.solo.store;

import dev.solo.metrics.VariantScore;
import java.util.List;

/** Prompt optimization's results table, per round. */
public interface PromptVariants {

    /** Replaces the round's table. */
    void save(int round, List<VariantScore> scores);

    /** The latest round's table, in the order the variants were scored; empty before any. */
    List<VariantScore> latest();
}
