package dev.solo.store;

import dev.solo.label.ModelLabel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The labeler's current prediction per item, with its whole label distribution. */
public interface Predictions {

    /**
     * Saves, replacing each item's previous prediction, in transactions of a few thousand rows:
     * each is committed when it ends, so a human label saved meanwhile waits for one of them only.
     */
    void save(List<ModelLabel> labels);

    Optional<ModelLabel> of(String itemId, String schemaName);

    /** Streams every prediction for the scheme, in import order. */
    void forEach(String schemaName, Consumer<ModelLabel> consumer);

    /** The ids of the items with a prediction for the scheme, in import order: no prediction is decoded. */
    List<String> itemIds(String schemaName);

    /** Streams the predictions of {@code itemIds} for the scheme, in import order; the other rows are passed over undecoded. */
    void forEach(String schemaName, Set<String> itemIds, Consumer<ModelLabel> consumer);

    long count();
}
