package dev.solo.human;

import java.util.List;
import java.util.Objects;

/**
 * The annotation scheme as a person sees it while answering.
 *
 * @param guidelines the current guideline text (the scheme's description until phase 4 refines
 *                   it); empty when there is none
 * @param labels     the labels in the scheme's order, which is the order of their keys
 */
public record SchemeView(String name, String guidelines, List<String> labels) {
    public SchemeView {
        Objects.requireNonNull(name, "name");
        guidelines = Objects.requireNonNullElse(guidelines, "");
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a scheme has labels");
        }
    }
}
