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

    /** The share of paired resamples in which {@code challenger} scores above {@code incumbent}. */
    double shareBetter(VariantEvaluation.Scored challenger, VariantEvaluation.Scored incumbent);

    /** What the scores rest on, e.g. "120 random labels, out of fold". */
    String basis();

    String metricName();
}
