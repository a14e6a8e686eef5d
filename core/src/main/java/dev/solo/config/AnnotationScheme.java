package dev.solo.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One annotation scheme; solo mode labels radio schemes (one label per item) of at most
 * {@link #MAX_LABELS} labels, one per digit key.
 */
public record AnnotationScheme(
        String annotationType,
        String name,
        String description,
        List<String> labels,
        LabelRequirement labelRequirement,
        Boolean sequentialKeyBinding) {

    /** The digit keys 1..9 and 0 answer a label; every other key is a command, never a label. */
    public static final int MAX_LABELS = 10;

    public AnnotationScheme {
        if (name == null || name.isBlank()) {
            throw new ConfigRuleException("annotation scheme without a 'name'", "give each scheme a name, e.g. name: sentiment");
        }
        annotationType = Objects.requireNonNullElse(annotationType, "radio");
        if (!annotationType.equals("radio")) {
            throw ConfigRuleException.at("annotation_type", "annotation scheme '" + name + "' has annotation_type '" + annotationType
                    + "'", "solo mode labels radio schemes: set annotation_type: radio");
        }
        if (labels == null || labels.isEmpty()) {
            throw ConfigRuleException.at(labels == null ? null : "labels", "annotation scheme '" + name + "' has no labels", "list at least two labels under 'labels'");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label == null || label.isBlank()) {
                throw ConfigRuleException.at("labels/" + i, "annotation scheme '" + name + "' has an empty label", "remove it or give it a name");
            }
            if (!seen.add(label)) {
                throw ConfigRuleException.at("labels/" + i, "annotation scheme '" + name + "' lists the label '" + label
                        + "' twice", "keep one");
            }
        }
        if (labels.size() < 2) {
            throw ConfigRuleException.at("labels", "annotation scheme '" + name + "' has only one label", "a classification needs at least two labels");
        }
        if (labels.size() > MAX_LABELS) {
            throw ConfigRuleException.at("labels/" + MAX_LABELS, "annotation scheme '" + name + "' has " + labels.size()
                    + " labels; solo labels with one key each, 1 to 9 and 0, so at most " + MAX_LABELS,
                    "merge labels, or split the work into tasks of " + MAX_LABELS + " labels or fewer");
        }
        description = Objects.requireNonNullElse(description, "");
        labels = List.copyOf(labels);
        labelRequirement = Objects.requireNonNullElse(labelRequirement, new LabelRequirement(true));
        sequentialKeyBinding = Objects.requireNonNullElse(sequentialKeyBinding, true);
    }

    /** Potato's label_requirement block. */
    public record LabelRequirement(Boolean required) {
        public LabelRequirement {
            required = Objects.requireNonNullElse(required, true);
        }
    }
}
