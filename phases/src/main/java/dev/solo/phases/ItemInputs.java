package dev.solo.phases;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.lf.ClusterFunction;
import dev.solo.lf.LabelingFunction;
import dev.solo.lf.VoteMatrix;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Every item as phase 5 applies functions to it: its text and, when a function reads vectors, its
 * vector under the labeler's embedding model. The vectors are loaded once, on first need, and kept
 * as the int8 matrix; each item's floats are made as it is applied and dropped after, so the whole
 * dataset is never held as floats.
 */
final class ItemInputs {
    private final Map<String, String> texts;
    private final Supplier<EmbeddingMatrix> load;
    private EmbeddingMatrix vectors;

    /** {@code load} returns the vectors of every item in {@code texts}. */
    ItemInputs(Map<String, String> texts, Supplier<EmbeddingMatrix> load) {
        this.texts = texts;
        this.load = load;
    }

    Map<String, String> texts() {
        return texts;
    }

    /** Every item's vector, loading them the first time. */
    EmbeddingMatrix vectors() {
        if (vectors == null) {
            vectors = load.get();
        }
        return vectors;
    }

    /** The items in the texts' order, read once each; with vectors only when one of {@code functions} needs them. */
    Iterable<VoteMatrix.Input> forFunctions(Iterable<LabelingFunction> functions) {
        boolean needVectors = false;
        for (LabelingFunction function : functions) {
            needVectors |= function instanceof ClusterFunction;
        }
        EmbeddingMatrix matrix = needVectors ? vectors() : null;
        return () -> texts.entrySet().stream()
                .map(entry -> new VoteMatrix.Input(entry.getKey(), entry.getValue(), vector(matrix, entry.getKey())))
                .iterator();
    }

    private static float[] vector(EmbeddingMatrix matrix, String itemId) {
        if (matrix == null) {
            return null;
        }
        OptionalInt row = matrix.row(itemId);
        return row.isPresent() ? matrix.vector(row.getAsInt()) : null;
    }
}
