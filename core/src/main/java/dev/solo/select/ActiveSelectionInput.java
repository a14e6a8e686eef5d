package dev.solo.select;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.metrics.ConfusionReport;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an active batch is chosen from.
 *
 * @param candidates     items that may be chosen: no human label and not already queued
 * @param vectors        a row for every candidate and every labeled item; {@code null} when the
 *                       labeler has no embeddings (then novelty and near-duplicate checks are skipped)
 * @param humanLabels    item id to human label, plus items queued in an open batch mapped to
 *                       {@code null}: both count as labeled for novelty
 * @param confusionPairs the latest confusion analysis's pairs, possibly empty
 * @param labels         the label order of every candidate's distribution
 */
public record ActiveSelectionInput(List<ActiveCandidate> candidates, EmbeddingMatrix vectors,
                                   Map<String, String> humanLabels, List<ConfusionReport.Pair> confusionPairs,
                                   List<String> labels) {
    public ActiveSelectionInput {
        candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
        // Map.copyOf rejects the null labels of queued items.
        humanLabels = humanLabels == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(humanLabels));
        confusionPairs = confusionPairs == null ? List.of() : List.copyOf(confusionPairs);
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    }
}
