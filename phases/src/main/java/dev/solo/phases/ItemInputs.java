package dev.solo.phases;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.lf.ClusterFunction;
import dev.solo.lf.LabelingFunction;
import dev.solo.lf.VoteMatrix;
import dev.solo.store.Items;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Every item as phase 5 applies functions to it: its text and, when a function reads vectors, its
 * vector under the labeler's embedding model. Texts are streamed from the store on each pass, never
 * held all at once (at a million items they took more memory than the vectors). The vectors are
 * loaded once, on first need, and kept as the int8 matrix; each item's floats are made as it is
 * applied and dropped after, so the whole dataset is never held as floats.
 */
final class ItemInputs {
    private final Items items;
    private final Supplier<EmbeddingMatrix> load;
    private EmbeddingMatrix vectors;

    /** {@code load} returns the vectors of every item of {@code items}. */
    ItemInputs(Items items, Supplier<EmbeddingMatrix> load) {
        this.items = items;
        this.load = load;
    }

    /** Streams every item's id and text, in import order. */
    void forEachText(BiConsumer<String, String> idAndText) {
        items.forEachText(idAndText);
    }

    /** Every item's vector, loading them the first time. */
    EmbeddingMatrix vectors() {
        if (vectors == null) {
            vectors = load.get();
        }
        return vectors;
    }

    /** The functions applied to every item in import order, each read once; with vectors only when one needs them. */
    VoteMatrix apply(List<LabelingFunction> functions) {
        EmbeddingMatrix matrix = vectorsFor(functions);
        return VoteMatrix.applyStreamed(functions, consumer -> items.forEachText((id, text) ->
                consumer.accept(new VoteMatrix.Input(id, text, vector(matrix, id)))));
    }

    /**
     * The functions applied to the given items of the dataset only (synthetic items are left out, as
     * from every pass): what checking votes on a few hundred labeled items needs, without a pass
     * over a million texts.
     */
    VoteMatrix applyTo(Collection<String> itemIds, List<LabelingFunction> functions) {
        EmbeddingMatrix matrix = vectorsFor(functions);
        Set<String> synthetic = items.syntheticIds();
        List<String> ids = itemIds.stream().filter(id -> !synthetic.contains(id)).sorted().toList();
        Map<String, String> texts = items.texts(ids);
        return VoteMatrix.apply(functions, ids.stream()
                .map(id -> new VoteMatrix.Input(id, texts.get(id), vector(matrix, id))).toList());
    }

    /** The vectors when one of {@code functions} reads them (an embedding neighbourhood), else null. */
    private EmbeddingMatrix vectorsFor(List<LabelingFunction> functions) {
        return functions.stream().anyMatch(function -> function instanceof ClusterFunction) ? vectors() : null;
    }

    private static float[] vector(EmbeddingMatrix matrix, String itemId) {
        if (matrix == null) {
            return null;
        }
        OptionalInt row = matrix.row(itemId);
        return row.isPresent() ? matrix.vector(row.getAsInt()) : null;
    }
}
