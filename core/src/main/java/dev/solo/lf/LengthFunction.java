package dev.solo.lf;

import java.util.Objects;

/** Fires on texts of at least {@code minChars} and at most {@code maxChars} characters. */
public record LengthFunction(int minChars, int maxChars, String label) implements LabelingFunction {
    public LengthFunction {
        Objects.requireNonNull(label, "label");
        if (minChars < 0 || maxChars < minChars) {
            throw new IllegalArgumentException("no text has between " + minChars + " and " + maxChars + " characters");
        }
    }

    @Override
    public String name() {
        return "length:" + minChars + "-" + maxChars + "->" + label;
    }

    @Override
    public String description() {
        return minChars + " to " + maxChars + " characters -> " + label;
    }

    @Override
    public boolean fires(String text, float[] vector) {
        int length = text.length();
        return length >= minChars && length <= maxChars;
    }
}
