package dev.solo.lf;

/**
 * What one function did: how many items it fires on ({@code covered}, and as a share of all
 * items), the shares of those where another function also fires ({@code overlap}) and where one
 * votes another label ({@code conflict}), and its votes checked against human labels.
 */
public record FunctionStats(LabelingFunction function, int covered, double coverage, double overlap, double conflict,
                            int checked, int correct) {

    /** Right votes among the checked ones; NaN when none was checked. */
    public double precision() {
        return checked == 0 ? Double.NaN : (double) correct / checked;
    }

    /** The one-sided 95% lower bound on the precision; 0 when none was checked. */
    public double precisionLow() {
        return PrecisionBound.lower(correct, checked);
    }
}
