package dev.solo.guidelines;

import java.util.List;
import java.util.Objects;

/**
 * The pattern behind a guideline: texts containing any of {@code terms} (words or two-word
 * phrases, lower case) are {@code label}, not {@code insteadOf}. Approved, it is a candidate
 * labeling function for phase 5, so a guideline changes what the labeler does, not only its text.
 */
public record KeywordRule(List<String> terms, String label, String insteadOf) {
    public KeywordRule {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a keyword rule has at least one term");
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(insteadOf, "insteadOf");
    }
}
