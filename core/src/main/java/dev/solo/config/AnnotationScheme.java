package dev.solo.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One annotation scheme; solo mode labels radio schemes (one label per item). */
public record AnnotationScheme(
        String annotationType,
        String name,
        String description,
        List<String> labels,
        LabelRequirement labelRequirement,
        Boolean sequentialKeyBinding) {

    public AnnotationScheme {
        if (name == null || name.isBlank()) {
            throw new ConfigRuleException("annotation scheme without a 'name'", "give each scheme a name, e.g. name: sentiment");
        }
        annotationType = Objects.requireNonNullElse(annotationType, "radio");
        if (!annotationType.equals("radio")) {
            throw new ConfigRuleException("annotation scheme '" + name + "' has annotation_type '" + annotationType
                    + "'", "solo mode labels radio schemes: set annotation_type: radio");
        }
        if (labels == null || labels.isEmpty()) {
            throw new ConfigRuleException("annotation scheme '" + name + "' has no labels", "list at least two labels under 'labels'");
        }
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            if (label == null || label.isBlank()) {
                throw new ConfigRuleException("annotation scheme '" + name + "' has an empty label", "remove it or give it a name");
            }
            if (!seen.add(label)) {
                throw new ConfigRuleException("annotation scheme '" + name + "' lists the label '" + label + "' twice", "keep one");
            }
        }
        if (labels.size() < 2) {
            throw new ConfigRuleException("annotation scheme '" + name + "' has only one label", "a classification needs at least two labels");
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
