package dev.solo.phases;

import java.util.List;

/**
 * What prompt optimization searches: the variants (the one in use first), what a search compares
 * them by, and how one is scored on the human labels.
 */
interface VariantCandidates {

    /** The variants' stored names, the one in use first. */
    List<String> names();

    /** How the results table shows variant {@code index}. */
    String describe(int index);

    /** One row per variant: what the bayesian search compares variants by. */
    double[][] features();

    VariantEvaluation.Scored score(int index);

    /** What the scores rest on, e.g. "120 random labels, out of fold". */
    String basis();

    /** The human labels the variants are scored on. */
    VariantEvaluation evaluation();

    /** The share of paired resamples in which {@code challenger} scores above {@code incumbent}. */
    default double shareBetter(VariantEvaluation.Scored challenger, VariantEvaluation.Scored incumbent) {
        return evaluation().shareBetter(challenger, incumbent);
    }

    default String metricName() {
        return evaluation().metricName();
    }
}
