package dev.solo.config;

import java.util.Objects;

/**
 * The rates the completion summary prices labeling at, to compare solo with labeling every item
 * {@code baseline_labels_per_item} times. {@code seconds_per_label}: when absent, the person's
 * measured mean time per label (when a person labeled, at least a second each), else 20 seconds.
 */
public record CompletionConfig(Double secondsPerLabel, Double costPerHour, Integer baselineLabelsPerItem) {
    public static final CompletionConfig DEFAULT = new CompletionConfig(null, null, null);
    public static final double FALLBACK_SECONDS_PER_LABEL = 20;

    public CompletionConfig {
        costPerHour = Objects.requireNonNullElse(costPerHour, 25.0);
        baselineLabelsPerItem = Objects.requireNonNullElse(baselineLabelsPerItem, 3);
        if (secondsPerLabel != null && !(secondsPerLabel > 0)) {
            throw ConfigRuleException.at("seconds_per_label", "'seconds_per_label' must be above 0, got " + secondsPerLabel,
                    "write the seconds a person takes per label, e.g. 20");
        }
        if (!(costPerHour >= 0)) {
            throw ConfigRuleException.at("cost_per_hour", "'cost_per_hour' must be 0 or more, got " + costPerHour,
                    "write an hourly rate, e.g. 25");
        }
        Ranges.positive("baseline_labels_per_item", baselineLabelsPerItem);
    }
}
