package dev.solo.embed;

import dev.solo.store.SelectableItem;
import dev.solo.store.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

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

    private final Store store;
    private final Consumer<String> progress;

    public ItemEmbeddings(Store store, Consumer<String> progress) {
        this.store = store;
        this.progress = progress;
    }

    /** The vectors of the given items, computing the missing ones first. */
    public EmbeddingMatrix forItems(EmbeddingModel model, Collection<String> itemIds) {
        Set<String> wanted = new HashSet<>(itemIds);
        List<SelectableItem> missing = new ArrayList<>(store.itemsWithoutEmbedding(model.configName()).stream()
                .filter(item -> wanted.contains(item.id()))
                .toList());
        if (!missing.isEmpty()) {
            embed(model, missing);
        }
        EmbeddingMatrix matrix = new EmbeddingMatrix(TextEncoder.DIMENSION, wanted.size());
        store.forEachEmbedding(model.configName(), vector -> {
            if (wanted.contains(vector.itemId())) {
                matrix.add(vector);
            }
        });
        return matrix;
    }

    private void embed(EmbeddingModel model, List<SelectableItem> missing) {
        // A stable sort keeps import order among equal lengths.
        missing.sort(Comparator.comparingInt(SelectableItem::textLength));
        String total = String.format("%,d", missing.size());
        progress.accept("Embedding " + total + " items with " + model.configName() + " (once per item; resumable).");
        long started = System.nanoTime();
        long lastReport = started;
        try (TextEncoder encoder = TextEncoder.load(model)) {
            List<StoredVector> pending = new ArrayList<>();
            for (int from = 0; from < missing.size(); from += BATCH_SIZE) {
                List<SelectableItem> batch = missing.subList(from, Math.min(from + BATCH_SIZE, missing.size()));
                List<String> texts = batch.stream().map(item -> store.item(item.id()).text()).toList();
                float[][] vectors = encoder.encode(texts);
                for (int i = 0; i < batch.size(); i++) {
                    pending.add(StoredVector.quantize(batch.get(i).id(), vectors[i]));
                }
                if (pending.size() >= BATCH_SIZE * BATCHES_PER_SAVE) {
                    store.saveEmbeddings(model.configName(), pending);
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
            store.saveEmbeddings(model.configName(), pending);
        }
        progress.accept(String.format("Embedded %s items in %.1f s.", total, (System.nanoTime() - started) / 1e9));
    }
}
