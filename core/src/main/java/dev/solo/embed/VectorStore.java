package dev.solo.embed;

import java.util.List;
import java.util.function.Consumer;

/** Where item embeddings are kept: one vector per item and embedding model. */
public interface VectorStore {

    /**
     * The ids of the dataset's items with no stored vector for the model, shortest text first (then in import
     * order): embedding them in this order keeps padding low and batches the same on every run.
     */
    List<String> itemsWithoutVector(String model);

    /** Saves vectors in one transaction; a vector already stored for an item is kept. */
    void saveVectors(String model, List<StoredVector> vectors);

    /** Streams every stored vector of the model. */
    void forEachVector(String model, Consumer<StoredVector> consumer);

    /**
     * Streams the stored vectors of the model for the dataset's items, leaving out the synthetic
     * items phase 9 adds, in the same order as {@link #forEachVector}.
     */
    void forEachDatasetVector(String model, Consumer<StoredVector> consumer);

    /** How many items have a vector for the model. */
    long countVectors(String model);
}
