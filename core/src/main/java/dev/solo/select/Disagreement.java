package dev.solo.select;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How three sources see one item without a human label: the model (its label, calibrated
 * confidence and the gap to its runner-up), the labeling functions' combined vote and how many
 * fired against the model, and the label most of its nearest human-labeled items carry. A
 * source with nothing to say is null.
 */
public record Disagreement(String itemId, String modelLabel, double confidence, double margin, String functionVote,
                           int functionsAgainst, String neighbourLabel) {
    public Disagreement {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(modelLabel, "modelLabel");
    }

    /** True when at least two sources that spoke gave different labels. */
    public boolean disagrees() {
        Set<String> said = new LinkedHashSet<>();
        said.add(modelLabel);
        if (functionVote != null) {
            said.add(functionVote);
        }
        if (neighbourLabel != null) {
            said.add(neighbourLabel);
        }
        return said.size() > 1;
    }

    /** True when the functions voted and their vote is not the model's label. */
    public boolean functionsDisagree() {
        return functionVote != null && !functionVote.equals(modelLabel);
    }

    /** "model Positive 0.62 · functions Negative · neighbours Neutral", as the frame shows why the item was chosen. */
    public String describe() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "model %s %.2f", modelLabel, confidence));
        if (functionVote != null) {
            text.append(" · functions ").append(functionVote);
        }
        if (neighbourLabel != null) {
            text.append(" · neighbours ").append(neighbourLabel);
        }
        return text.toString();
    }
}
