package dev.solo.label;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What labels are made under: the guidelines' text, the prompt variant and the labeling functions
 * switched on. Version 1 is the config's scheme description; each accepted change stores a new
 * version, and every human and machine label records the version it was made under.
 */
public record LabelingSetup(int version, String guidelines, String promptVariant, List<String> enabledFunctions,
                            String author, String reason, Instant createdAt) {
    public static final String DEFAULT_PROMPT_VARIANT = "default";

    public LabelingSetup {
        Objects.requireNonNull(guidelines, "guidelines");
        promptVariant = Objects.requireNonNullElse(promptVariant, DEFAULT_PROMPT_VARIANT);
        enabledFunctions = List.copyOf(enabledFunctions);
        author = Objects.requireNonNullElse(author, "");
        reason = Objects.requireNonNullElse(reason, "");
    }

    /** The next version: the same setup with other guidelines. */
    public LabelingSetup withGuidelines(String text, String by, String why, Instant at) {
        return new LabelingSetup(version + 1, text, promptVariant, enabledFunctions, by, why, at);
    }
}
