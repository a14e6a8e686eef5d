package dev.solo.cli;

import dev.solo.config.SoloConfig;
import dev.solo.store.SqliteStore;
import dev.solo.store.Store;
import java.util.Optional;
import java.util.function.Function;

/** What reading commands read from a task's state: nothing when it has not started; never created or migrated. */
final class ExistingTask {
    private ExistingTask() {
    }

    static <T> Optional<T> read(SoloConfig config, Function<Store, T> reader) {
        Optional<SqliteStore> existing = SqliteStore.openExisting(config.stateFile());
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        try (SqliteStore store = existing.get()) {
            return Optional.ofNullable(reader.apply(store));
        }
    }
}
