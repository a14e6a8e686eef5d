package dev.solo.store;

import dev.solo.label.ModelLabel;
import java.util.List;
import java.util.Optional;
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

    long count();
}
