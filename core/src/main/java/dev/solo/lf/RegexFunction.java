package dev.solo.lf;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Fires when the regular expression finds a match anywhere in the text (case-insensitive). */
public final class RegexFunction implements LabelingFunction {
    private final String regex;
    private final String label;
    private final Pattern pattern;

    /** Throws IllegalArgumentException, with the pattern's own message, when the expression does not compile. */
    public RegexFunction(String regex, String label) {
        this.regex = Objects.requireNonNull(regex, "regex");
        this.label = Objects.requireNonNull(label, "label");
        try {
            this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("/" + regex + "/ is not a valid regular expression: "
                    + e.getDescription(), e);
        }
    }

    public String regex() {
        return regex;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String name() {
        return "regex:/" + regex + "/->" + label;
    }

    @Override
    public String description() {
        return "matches /" + regex + "/ -> " + label;
    }

    @Override
    public boolean fires(String text, float[] vector) {
        return pattern.matcher(text).find();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegexFunction that && regex.equals(that.regex) && label.equals(that.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regex, label);
    }

    @Override
    public String toString() {
        return name();
    }
}
