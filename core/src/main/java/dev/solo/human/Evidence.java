package dev.solo.human;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the machine thinks of an item, shown beside it where the model's view helps the person
 * (disagreement items, phase 8). Never part of a blind request.
 *
 * @param modelLabel   the model's label
 * @param confidence   the model's confidence in it, 0..1
 * @param distribution the model's probability per label, in the scheme's order; may be empty
 * @param votes        the labeling functions that voted on the item; those that abstained are absent
 * @param neighbours   the nearest human-labeled items, nearest first
 * @param reasoning    the model's reasoning as text; empty when the labeler gives none
 */
public record Evidence(String modelLabel, double confidence, Map<String, Double> distribution,
                       List<FunctionVote> votes, List<Neighbour> neighbours, String reasoning) {

    /** One labeling function's vote. */
    public record FunctionVote(String function, String label) {
        public FunctionVote {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(label, "label");
        }
    }

    /** A human-labeled item near this one in embedding space. */
    public record Neighbour(String itemId, String text, String label, double similarity) {
        public Neighbour {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(label, "label");
        }
    }

    public Evidence {
        Objects.requireNonNull(modelLabel, "modelLabel");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence is between 0 and 1, not " + confidence);
        }
        // Map.copyOf would lose the scheme's order, which the screen shows.
        distribution = Collections.unmodifiableMap(new LinkedHashMap<>(distribution));
        votes = List.copyOf(votes);
        neighbours = List.copyOf(neighbours);
        reasoning = Objects.requireNonNullElse(reasoning, "");
    }
}
