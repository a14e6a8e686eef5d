package dev.solo.embed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Item vectors for one embedding model: computes those not stored yet, then loads them. Missing
 * items are embedded in batches of {@link #BATCH_SIZE} ordered by text length (less padding), and
 * saved every few batches, so an interrupted run resumes where it stopped. The batch composition
 * depends only on which items are missing, so two runs over the same data store the same vectors.
 */
public final class ItemEmbeddings {
    static final int BATCH_SIZE = 32;
    private static final int BATCHES_PER_SAVE = 8;
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final VectorStore vectors;
    private final Function<Collection<String>, Map<String, String>> texts;
    private final Consumer<String> progress;

    /** {@code texts} reads items' texts by id. */
    public ItemEmbeddings(VectorStore vectors, Function<Collection<String>, Map<String, String>> texts,
                          Consumer<String> progress) {
        this.vectors = vectors;
        this.texts = texts;
        this.progress = progress;
    }

    /** The vectors of the given items, computing the missing ones first. */
    public EmbeddingMatrix forItems(EmbeddingModel model, Collection<String> itemIds) {
        Set<String> wanted = new HashSet<>(itemIds);
        embedMissing(model, wanted);
        EmbeddingMatrix matrix = new EmbeddingMatrix(TextEncoder.DIMENSION, wanted.size());
        vectors.forEachVector(model.configName(), vector -> {
            if (wanted.contains(vector.itemId())) {
                matrix.add(vector);
            }
        });
        return matrix;
    }

    /**
     * The vectors of every item of the dataset (not phase 9's synthetic items), computing the
     * missing ones first, with no set of their ids: at a million items such a set took more memory
     * than the ids in the matrix. {@code itemCount} sizes the matrix once.
     */
    public EmbeddingMatrix forEveryItem(EmbeddingModel model, int itemCount) {
        embedEveryItem(model);
        EmbeddingMatrix matrix = new EmbeddingMatrix(TextEncoder.DIMENSION, itemCount);
        vectors.forEachDatasetVector(model.configName(), matrix::add);
        return matrix;
    }

    /** Embeds every item of the dataset that has no vector yet, and stores them; stops like {@link #embedMissing}. */
    public void embedEveryItem(EmbeddingModel model) {
        List<String> missing = vectors.itemsWithoutVector(model.configName());
        if (!missing.isEmpty()) {
            embed(model, missing);
        }
    }

    /**
     * Embeds those of the items that have no vector yet, and stores them. Stops between two batches
     * when the thread is interrupted, keeping what was saved (the rest resumes on the same batches).
     */
    public void embedMissing(EmbeddingModel model, Set<String> itemIds) {
        List<String> missing = vectors.itemsWithoutVector(model.configName()).stream()
                .filter(itemIds::contains)
                .toList();
        if (!missing.isEmpty()) {
            embed(model, missing);
        }
    }

    private void embed(EmbeddingModel model, List<String> missing) {
        String total = String.format("%,d", missing.size());
        progress.accept("Embedding " + total + " items with " + model.configName() + " (once per item; resumable).");
        long started = System.nanoTime();
        long lastReport = started;
        try (TextEncoder encoder = TextEncoder.load(model)) {
            List<StoredVector> pending = new ArrayList<>();
            for (int from = 0; from < missing.size(); from += BATCH_SIZE) {
                if (Thread.currentThread().isInterrupted()) {
                    // Unsaved vectors are dropped, so that saves stay on whole groups of batches.
                    return;
                }
                List<String> batch = missing.subList(from, Math.min(from + BATCH_SIZE, missing.size()));
                List<String> batchTexts = List.copyOf(texts.apply(batch).values());
                float[][] encoded = encoder.encode(batchTexts);
                for (int i = 0; i < batch.size(); i++) {
                    pending.add(StoredVector.quantize(batch.get(i), encoded[i]));
                }
                if (pending.size() >= BATCH_SIZE * BATCHES_PER_SAVE) {
                    vectors.saveVectors(model.configName(), pending);
                    pending.clear();
                }
                long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                    lastReport = now;
                    int done = Math.min(from + BATCH_SIZE, missing.size());
                    progress.accept(String.format("Embedded %,d of %s items (%.0f per second).", done, total,
                            done / ((now - started) / 1e9)));
                }
            }
            vectors.saveVectors(model.configName(), pending);
        }
        progress.accept(String.format("Embedded %s items in %.1f s.", total, (System.nanoTime() - started) / 1e9));
    }
}
