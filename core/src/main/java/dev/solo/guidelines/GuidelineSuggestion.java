package dev.solo.guidelines;

import java.util.Objects;
import java.util.Optional;

/**
 * A proposed guideline edit: the text to add, the evidence it answers (the confusion pair, how
 * many errors, example texts), and the pattern behind it when it has one.
 */
public record GuidelineSuggestion(String id, String text, String evidence, Optional<KeywordRule> rule) {
    public GuidelineSuggestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        evidence = Objects.requireNonNullElse(evidence, "");
        Objects.requireNonNull(rule, "rule");
    }
}
