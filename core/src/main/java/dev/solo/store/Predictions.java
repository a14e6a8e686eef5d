package dev.solo.store;

import dev.solo.label.ModelLabel;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The labeler's current prediction per item, with its whole label distribution. */
public interface Predictions {

    /** Saves in one transaction, replacing each item's previous prediction. */
    void save(List<ModelLabel> labels);

    Optional<ModelLabel> of(String itemId, String schemaName);

    /** Streams every prediction for the scheme, in import order. */
    void forEach(String schemaName, Consumer<ModelLabel> consumer);

    long count();
}
