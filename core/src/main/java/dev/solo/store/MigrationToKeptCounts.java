package dev.solo.store;

import java.util.List;

/**
 * Schema step 13: the counts {@code solo status} shows, kept on write so that reading them costs a few
 * rows instead of a pass over every item (at a million items the pass took seconds). Triggers keep
 * them, so every write path, present or future, keeps them right.
 *
 * <p>{@code label_tallies} holds what decides the machine labels' sources over all items, whatever
 * the person did: {@code predictions} (rows), {@code function_labels} (rows),
 * {@code function_beats_prediction} (items whose functions' vote is more confident than the model's
 * prediction) and {@code function_alone} (items with a vote and no prediction). As in
 * {@code current_labels}, an item's machine label is the functions' where they beat the model or
 * there is no prediction, else the model's; {@link SqliteLabeledRows#counts()} takes the few items the
 * person labeled and the synthetic ones out. A task labels one scheme, so an item has at most one
 * prediction and one vote, and the triggers match them by item.
 *
 * <p>The triggers run before the write and look at the row about to be replaced, so an
 * {@code INSERT OR REPLACE} (whose implicit delete fires no trigger while recursive triggers are off,
 * as they are) is counted once. Predictions and votes are replaced, never updated in place: an update
 * is refused, so no write can slip past the counts.
 */
final class MigrationToKeptCounts {
    private static final String PREDICTION_OF_NEW = "SELECT 1 FROM predictions WHERE item_id = NEW.item_id";
    private static final String VOTE_OF_NEW = "SELECT 1 FROM function_labels WHERE item_id = NEW.item_id";

    static final List<String> STEP = List.of(
            "CREATE TABLE label_tallies (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID",
            "INSERT INTO label_tallies(name, n) SELECT 'predictions', count(*) FROM predictions",
            "INSERT INTO label_tallies(name, n) SELECT 'function_labels', count(*) FROM function_labels",
            """
            INSERT INTO label_tallies(name, n) SELECT 'function_beats_prediction', count(*)
            FROM function_labels f JOIN predictions p ON p.item_id = f.item_id WHERE f.confidence > p.confidence""",
            """
            INSERT INTO label_tallies(name, n) SELECT 'function_alone', count(*)
            FROM function_labels f WHERE NOT EXISTS (SELECT 1 FROM predictions p WHERE p.item_id = f.item_id)""",
            // Most of a retrain's predictions replace one for an item no function votes on, which changes
            // nothing counted: the WHEN clause skips those with two index probes.
            """
            CREATE TRIGGER predictions_counted BEFORE INSERT ON predictions
            WHEN EXISTS (%s) OR NOT EXISTS (%s)
            BEGIN
                UPDATE label_tallies SET n = n + 1 WHERE name = 'predictions' AND NOT EXISTS (%s);
                UPDATE label_tallies SET n = n + coalesce((
                        SELECT (f.confidence > NEW.confidence) - coalesce((
                            SELECT f.confidence > p.confidence FROM predictions p WHERE p.item_id = NEW.item_id), 0)
                        FROM function_labels f WHERE f.item_id = NEW.item_id), 0)
                    WHERE name = 'function_beats_prediction';
                UPDATE label_tallies SET n = n - 1 WHERE name = 'function_alone' AND EXISTS (%s) AND NOT EXISTS (%s);
            END""".formatted(VOTE_OF_NEW, PREDICTION_OF_NEW, PREDICTION_OF_NEW, VOTE_OF_NEW, PREDICTION_OF_NEW),
            """
            CREATE TRIGGER predictions_uncounted BEFORE DELETE ON predictions
            BEGIN
                UPDATE label_tallies SET n = n - 1 WHERE name = 'predictions';
                UPDATE label_tallies SET n = n - coalesce((
                        SELECT f.confidence > OLD.confidence FROM function_labels f WHERE f.item_id = OLD.item_id), 0)
                    WHERE name = 'function_beats_prediction';
                UPDATE label_tallies SET n = n + 1 WHERE name = 'function_alone'
                    AND EXISTS (SELECT 1 FROM function_labels WHERE item_id = OLD.item_id);
            END""",
            """
            CREATE TRIGGER function_labels_counted BEFORE INSERT ON function_labels
            BEGIN
                UPDATE label_tallies SET n = n + 1 WHERE name = 'function_labels' AND NOT EXISTS (%s);
                UPDATE label_tallies SET n = n + coalesce((
                        SELECT (NEW.confidence > p.confidence) - coalesce((
                            SELECT f.confidence > p.confidence FROM function_labels f WHERE f.item_id = NEW.item_id), 0)
                        FROM predictions p WHERE p.item_id = NEW.item_id), 0)
                    WHERE name = 'function_beats_prediction';
                UPDATE label_tallies SET n = n + 1 WHERE name = 'function_alone' AND NOT EXISTS (%s) AND NOT EXISTS (%s);
            END""".formatted(VOTE_OF_NEW, PREDICTION_OF_NEW, VOTE_OF_NEW),
            """
            CREATE TRIGGER function_labels_uncounted BEFORE DELETE ON function_labels
            BEGIN
                UPDATE label_tallies SET n = n - 1 WHERE name = 'function_labels';
                UPDATE label_tallies SET n = n - coalesce((
                        SELECT OLD.confidence > p.confidence FROM predictions p WHERE p.item_id = OLD.item_id), 0)
                    WHERE name = 'function_beats_prediction';
                UPDATE label_tallies SET n = n - 1 WHERE name = 'function_alone'
                    AND NOT EXISTS (SELECT 1 FROM predictions WHERE item_id = OLD.item_id);
            END""",
            refusedUpdate("predictions"),
            refusedUpdate("function_labels"),
            "CREATE TABLE embedding_counts (model TEXT PRIMARY KEY, vectors INTEGER NOT NULL) WITHOUT ROWID",
            "INSERT INTO embedding_counts(model, vectors) SELECT model, count(*) FROM embeddings GROUP BY model",
            // Vectors are saved with INSERT OR IGNORE: a vector already stored is not counted again.
            """
            CREATE TRIGGER embeddings_counted BEFORE INSERT ON embeddings
            WHEN NOT EXISTS (SELECT 1 FROM embeddings WHERE model = NEW.model AND item_id = NEW.item_id)
            BEGIN
                INSERT INTO embedding_counts(model, vectors) VALUES (NEW.model, 1)
                    ON CONFLICT(model) DO UPDATE SET vectors = vectors + 1;
            END""",
            """
            CREATE TRIGGER embeddings_uncounted BEFORE DELETE ON embeddings
            BEGIN
                UPDATE embedding_counts SET vectors = vectors - 1 WHERE model = OLD.model;
            END""",
            refusedUpdate("embeddings"));

    private MigrationToKeptCounts() {
    }

    private static String refusedUpdate(String table) {
        return """
                CREATE TRIGGER %1$s_replaced_not_updated BEFORE UPDATE ON %1$s
                BEGIN
                    SELECT RAISE(ABORT, '%1$s are replaced, not updated: the kept counts follow inserts and deletes');
                END""".formatted(table);
    }
}
