package dev.solo.human;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A labeling function the person typed: items whose text contains the keyword (case-insensitive)
 * or matches the regular expression get the label.
 *
 * @throws IllegalArgumentException if the pattern is blank or a regex that does not compile
 *                                  (the message says why, fit to show the person)
 */
public record TypedRule(Kind kind, String pattern, String label) {
    public enum Kind { KEYWORD, REGEX }

    public TypedRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a rule needs a keyword or a /regex/");
        }
        if (kind == Kind.REGEX) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("/" + pattern + "/ is not a valid regex: " + e.getDescription());
            }
        }
    }
}
