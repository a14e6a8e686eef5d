package dev.solo.store;

import java.util.List;

/**
 * Schema step 12: the model's predictions and the functions' votes stored in the order of their key, the
 * item ({@code WITHOUT ROWID}), where each row used to sit apart from its key's index. Reading every item's
 * label walks the items in id order and finds each item's rows in the same order, one page after the next:
 * at a million items that read went from 11 s to under 4 s (bench/SCALE.md).
 *
 * <p>SQLite changes a table's layout only by copying it: a new table, the rows in key order, the old one
 * dropped, the new one renamed. {@code legacy_alter_table} lets the rename leave the views that name the
 * table alone (they name it again once it is back), as SQLite's own procedure for this prescribes.
 */
final class MigrationToLabelsClusteredByItem {
    static final List<String> STEP = List.of(
            "PRAGMA legacy_alter_table = ON",
            """
            CREATE TABLE predictions_by_item (
                item_id TEXT NOT NULL REFERENCES items(id),
                schema_name TEXT NOT NULL,
                value TEXT NOT NULL,
                confidence REAL NOT NULL,
                margin REAL NOT NULL,
                distribution BLOB,
                reasoning TEXT,
                labeler TEXT NOT NULL,
                phase INTEGER NOT NULL,
                round INTEGER NOT NULL,
                setup_version INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (item_id, schema_name)) WITHOUT ROWID""",
            """
            INSERT INTO predictions_by_item(item_id, schema_name, value, confidence, margin, distribution, reasoning,
                                            labeler, phase, round, setup_version, created_at)
            SELECT item_id, schema_name, value, confidence, margin, distribution, reasoning, labeler, phase, round,
                   setup_version, created_at
            FROM predictions ORDER BY item_id, schema_name""",
            "DROP TABLE predictions",
            "ALTER TABLE predictions_by_item RENAME TO predictions",
            """
            CREATE TABLE function_labels_by_item (
                item_id TEXT NOT NULL REFERENCES items(id),
                schema_name TEXT NOT NULL,
                value TEXT NOT NULL,
                confidence REAL NOT NULL,
                functions TEXT NOT NULL,
                phase INTEGER NOT NULL,
                round INTEGER NOT NULL,
                setup_version INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (item_id, schema_name)) WITHOUT ROWID""",
            """
            INSERT INTO function_labels_by_item(item_id, schema_name, value, confidence, functions, phase, round,
                                                setup_version, created_at)
            SELECT item_id, schema_name, value, confidence, functions, phase, round, setup_version, created_at
            FROM function_labels ORDER BY item_id, schema_name""",
            "DROP TABLE function_labels",
            "ALTER TABLE function_labels_by_item RENAME TO function_labels",
            "PRAGMA legacy_alter_table = OFF");

    private MigrationToLabelsClusteredByItem() {
    }
}
