package dev.solo.metrics;

import java.util.Locale;
import java.util.Objects;

/**
 * A number solo measured, never bare: the point estimate, its 95% interval and what it rests on
 * ("74 random labels and calibrated confidence").
 */
public record Estimate(double value, double low, double high, String basis) {
    public Estimate {
        Objects.requireNonNull(basis, "basis");
        if (!(low <= value && value <= high)) {
            throw new IllegalArgumentException("interval " + low + "-" + high + " does not hold " + value);
        }
    }

    /** "0.86 (0.82–0.89) from 74 random labels". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f) from %s", value, low, high, basis);
    }
}
