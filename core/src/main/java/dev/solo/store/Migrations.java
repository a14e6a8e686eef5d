package dev.solo.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema, as numbered steps applied in order when a store opens and tracked in
 * {@code PRAGMA user_version}. A step that has shipped is never edited: change the schema by
 * appending a step.
 */
final class Migrations {
    private static final List<List<String>> STEPS = List.of(
            // 1: items, human answers as append-only events, model labels, the workflow.
            List.of(
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    """
                    CREATE TABLE items (
                        seq INTEGER PRIMARY KEY,
                        id TEXT NOT NULL UNIQUE,
                        text TEXT NOT NULL,
                        fields TEXT NOT NULL DEFAULT '{}',
                        source_file TEXT NOT NULL,
                        source_line INTEGER NOT NULL,
                        import_run INTEGER NOT NULL)""",
                    "CREATE TABLE data_files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL)",
                    """
                    CREATE TABLE human_events (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        item_id TEXT NOT NULL REFERENCES items(id),
                        schema_name TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('label', 'skip', 'retract')),
                        value TEXT,
                        retracts INTEGER REFERENCES human_events(seq),
                        phase INTEGER NOT NULL,
                        round INTEGER NOT NULL,
                        annotator TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        answer_millis INTEGER NOT NULL DEFAULT 0)""",
                    "CREATE INDEX human_events_by_item ON human_events(item_id, schema_name)",
                    "CREATE INDEX human_events_by_phase ON human_events(phase, round)",
                    "CREATE UNIQUE INDEX human_events_retracts ON human_events(retracts) WHERE retracts IS NOT NULL",
                    """
                    CREATE VIEW answers_in_force AS
                    SELECT e.* FROM human_events e
                    WHERE e.kind IN ('label', 'skip')
                      AND NOT EXISTS (SELECT 1 FROM human_events r WHERE r.retracts = e.seq)""",
                    """
                    CREATE VIEW human_labels_in_force AS
                    SELECT a.* FROM answers_in_force a
                    WHERE a.kind = 'label'
                      AND a.seq = (SELECT max(b.seq) FROM answers_in_force b
                                   WHERE b.kind = 'label' AND b.item_id = a.item_id AND b.schema_name = a.schema_name)""",
                    """
                    CREATE TABLE model_labels (
                        item_id TEXT NOT NULL REFERENCES items(id),
                        schema_name TEXT NOT NULL,
                        value TEXT NOT NULL,
                        confidence REAL NOT NULL,
                        source TEXT NOT NULL CHECK (source IN ('llm', 'labeling_function')),
                        labeler TEXT NOT NULL,
                        phase INTEGER NOT NULL,
                        round INTEGER NOT NULL,
                        created_at INTEGER NOT NULL,
                        PRIMARY KEY (item_id, schema_name))""",
                    """
                    CREATE TABLE selection_queue (
                        phase INTEGER NOT NULL,
                        round INTEGER NOT NULL,
                        position INTEGER NOT NULL,
                        item_id TEXT NOT NULL REFERENCES items(id),
                        reason TEXT NOT NULL,
                        PRIMARY KEY (phase, round, position))""",
                    """
                    CREATE TABLE workflow (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        phase INTEGER NOT NULL,
                        round INTEGER NOT NULL,
                        batch INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        note TEXT NOT NULL,
                        updated_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE phase_log (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        from_phase INTEGER,
                        to_phase INTEGER NOT NULL,
                        round INTEGER NOT NULL,
                        reason TEXT NOT NULL,
                        at INTEGER NOT NULL)"""),
            // 2: item embeddings, the model's margin, accuracy estimates and confusion analyses.
            List.of(
                    """
                    CREATE TABLE embeddings (
                        model TEXT NOT NULL,
                        item_id TEXT NOT NULL REFERENCES items(id),
                        scale REAL NOT NULL,
                        vector BLOB NOT NULL,
                        PRIMARY KEY (model, item_id)) WITHOUT ROWID""",
                    "ALTER TABLE model_labels ADD COLUMN margin REAL",
                    """
                    CREATE TABLE accuracy_estimates (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        phase INTEGER NOT NULL,
                        round INTEGER NOT NULL,
                        method TEXT NOT NULL,
                        correct INTEGER NOT NULL,
                        total INTEGER NOT NULL,
                        labeler TEXT NOT NULL,
                        created_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE confusion_reports (
                        round INTEGER PRIMARY KEY,
                        phase INTEGER NOT NULL,
                        report TEXT NOT NULL,
                        created_at INTEGER NOT NULL)"""),
            // 3: remote labelers' response cache and the usage of every call.
            List.of(
                    """
                    CREATE TABLE llm_cache (
                        key TEXT PRIMARY KEY,
                        provider TEXT NOT NULL,
                        model TEXT NOT NULL,
                        response TEXT NOT NULL,
                        created_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE llm_calls (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        provider TEXT NOT NULL,
                        model TEXT NOT NULL,
                        input_tokens INTEGER NOT NULL,
                        output_tokens INTEGER NOT NULL,
                        cost_usd REAL NOT NULL,
                        from_cache INTEGER NOT NULL,
                        created_at INTEGER NOT NULL)"""),
            // 4: a language model's reasoning, kept with its label for later phases to show.
            List.of("ALTER TABLE model_labels ADD COLUMN reasoning TEXT"),
            MigrationToSeveralSources.STEP,
            // 6: guideline reviews, the rules behind approved guidelines, and each round's labeling functions.
            List.of(
                    """
                    CREATE TABLE guideline_reviews (
                        round INTEGER PRIMARY KEY,
                        decided_by TEXT NOT NULL,
                        proposed INTEGER NOT NULL,
                        approved INTEGER NOT NULL,
                        edited INTEGER NOT NULL,
                        added INTEGER NOT NULL,
                        resulting_version INTEGER NOT NULL,
                        decided_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE guideline_rules (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        setup_version INTEGER NOT NULL REFERENCES labeling_setups(version),
                        label TEXT NOT NULL,
                        instead_of TEXT NOT NULL,
                        terms TEXT NOT NULL)""",
                    """
                    CREATE TABLE labeling_functions (
                        round INTEGER NOT NULL,
                        position INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        pattern TEXT NOT NULL,
                        label TEXT NOT NULL,
                        covered INTEGER NOT NULL,
                        checked INTEGER NOT NULL,
                        correct INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        decided_by TEXT NOT NULL,
                        PRIMARY KEY (round, position))"""),
            // 7: what the machine said about each queued item (random ones are the evidence for accuracy
            // estimates), the estimates made after each batch, and warnings shown once.
            List.of(
                    "ALTER TABLE queued_items ADD COLUMN machine_label TEXT",
                    "ALTER TABLE queued_items ADD COLUMN machine_confidence REAL",
                    """
                    CREATE TABLE accuracy_reports (
                        phase INTEGER NOT NULL,
                        round INTEGER NOT NULL,
                        batch INTEGER NOT NULL,
                        random_labels INTEGER NOT NULL,
                        machine_value REAL NOT NULL,
                        machine_low REAL NOT NULL,
                        machine_high REAL NOT NULL,
                        machine_basis TEXT NOT NULL,
                        dataset_value REAL NOT NULL,
                        dataset_low REAL NOT NULL,
                        dataset_high REAL NOT NULL,
                        dataset_basis TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        PRIMARY KEY (phase, round, batch))""",
                    """
                    CREATE TABLE warnings (
                        key TEXT PRIMARY KEY,
                        text TEXT NOT NULL,
                        created_at INTEGER NOT NULL)"""),
            // 8: a second annotator's labels on a sample of the human-labeled items, kept apart from the
            // labels in force (a null value is a skip).
            List.of("""
                    CREATE TABLE verification_labels (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        item_id TEXT NOT NULL REFERENCES items(id),
                        schema_name TEXT NOT NULL,
                        value TEXT,
                        annotator TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        answer_millis INTEGER NOT NULL DEFAULT 0,
                        UNIQUE (item_id, schema_name, annotator))"""),
            // 9: each data file's path stored once, not on every item (a fifth of the items table at a
            // million items).
            List.of(
                    "CREATE TABLE source_files (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE)",
                    "INSERT INTO source_files(path) SELECT DISTINCT source_file FROM items ORDER BY source_file",
                    "ALTER TABLE items ADD COLUMN source_file_id INTEGER REFERENCES source_files(id)",
                    "UPDATE items SET source_file_id = (SELECT s.id FROM source_files s WHERE s.path = items.source_file)",
                    "ALTER TABLE items DROP COLUMN source_file"),
            // 10: prompt optimization's results per round.
            List.of("""
                    CREATE TABLE prompt_variants (
                        round INTEGER NOT NULL,
                        position INTEGER NOT NULL,
                        variant TEXT NOT NULL,
                        description TEXT NOT NULL,
                        metric TEXT NOT NULL,
                        score REAL NOT NULL,
                        score_low REAL NOT NULL,
                        score_high REAL NOT NULL,
                        score_basis TEXT NOT NULL,
                        calls INTEGER NOT NULL,
                        cost_usd REAL NOT NULL,
                        selected INTEGER NOT NULL,
                        PRIMARY KEY (round, position))"""),
            // 11: edge cases a remote model wrote (phase 9): items of no data file, kept out of the dataset's
            // labels, counts and export; the person's labels on them still teach the labeler.
            List.of(
                    "ALTER TABLE items ADD COLUMN synthetic INTEGER NOT NULL DEFAULT 0",
                    "CREATE INDEX items_synthetic ON items(id) WHERE synthetic = 1",
                    """
                    CREATE VIEW dataset_labels AS
                    SELECT * FROM current_labels
                    WHERE item_id NOT IN (SELECT id FROM items WHERE synthetic = 1)"""),
            MigrationToLabelsClusteredByItem.STEP,
            MigrationToKeptCounts.STEP);

    private Migrations() {
    }

    static int latestVersion() {
        return STEPS.size();
    }

    /** Applies the steps the store has not had yet, each in its own transaction. */
    static void apply(Connection connection) throws SQLException {
        applyUpTo(connection, latestVersion());
    }

    /** Applies the steps up to schema {@code target} (an older schema, to test a migration from it). */
    static void applyUpTo(Connection connection, int target) throws SQLException {
        int version = currentVersion(connection);
        if (version > latestVersion()) {
            throw new IllegalStateException("the task state was written by a newer solo (schema " + version
                    + ", this solo knows " + latestVersion() + "); upgrade solo");
        }
        for (int step = version; step < target; step++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : STEPS.get(step)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + (step + 1));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }
}
