package dev.solo.store;

import java.util.List;

/**
 * Schema step 5: labels from several sources at once. The labeler's predictions (with their whole
 * distribution) and the labeling functions' votes get tables of their own, where one machine
 * label per item used to be, and the item's current label is resolved in one view. Labels record
 * the labeling setup (guidelines, prompt variant, functions) they were made under; queued items
 * record their batch and pool; each batch's result is kept.
 */
final class MigrationToSeveralSources {
    static final List<String> STEP = List.of(
            """
            CREATE TABLE labeling_setups (
                version INTEGER PRIMARY KEY,
                guidelines TEXT NOT NULL,
                prompt_variant TEXT NOT NULL,
                enabled_functions TEXT NOT NULL,
                author TEXT NOT NULL,
                reason TEXT NOT NULL,
                created_at INTEGER NOT NULL)""",
            """
            CREATE TABLE predictions (
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
                PRIMARY KEY (item_id, schema_name))""",
            """
            INSERT INTO predictions(item_id, schema_name, value, confidence, margin, reasoning, labeler, phase, round,
                                    setup_version, created_at)
            SELECT item_id, schema_name, value, confidence, coalesce(margin, 0), reasoning, labeler, phase, round, 1,
                   created_at
            FROM model_labels WHERE source = 'llm'""",
            """
            CREATE TABLE function_labels (
                item_id TEXT NOT NULL REFERENCES items(id),
                schema_name TEXT NOT NULL,
                value TEXT NOT NULL,
                confidence REAL NOT NULL,
                functions TEXT NOT NULL,
                phase INTEGER NOT NULL,
                round INTEGER NOT NULL,
                setup_version INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (item_id, schema_name))""",
            """
            INSERT INTO function_labels(item_id, schema_name, value, confidence, functions, phase, round, setup_version,
                                        created_at)
            SELECT item_id, schema_name, value, confidence, '', phase, round, 1, created_at
            FROM model_labels WHERE source = 'labeling_function'""",
            "DROP TABLE model_labels",
            "ALTER TABLE human_events ADD COLUMN pool TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE human_events ADD COLUMN setup_version INTEGER NOT NULL DEFAULT 1",
            """
            CREATE TABLE queued_items (
                phase INTEGER NOT NULL,
                round INTEGER NOT NULL,
                batch INTEGER NOT NULL,
                position INTEGER NOT NULL,
                item_id TEXT NOT NULL REFERENCES items(id),
                pool TEXT NOT NULL,
                detail TEXT NOT NULL,
                PRIMARY KEY (phase, round, batch, position))""",
            """
            INSERT INTO queued_items(phase, round, batch, position, item_id, pool, detail)
            SELECT phase, round, 0, position, item_id,
                   CASE WHEN reason LIKE 'diversity: %' THEN 'diversity'
                        WHEN reason LIKE 'stratified sample, %' THEN 'stratified'
                        WHEN reason = 'random sample' THEN 'random'
                        ELSE reason END,
                   CASE WHEN reason LIKE 'diversity: %' THEN substr(reason, 12)
                        WHEN reason LIKE 'stratified sample, %' THEN substr(reason, 20)
                        ELSE '' END
            FROM selection_queue""",
            "DROP TABLE selection_queue",
            """
            CREATE TABLE batch_results (
                phase INTEGER NOT NULL,
                round INTEGER NOT NULL,
                batch INTEGER NOT NULL,
                asked INTEGER NOT NULL,
                agreed INTEGER NOT NULL,
                estimate REAL,
                estimate_low REAL,
                estimate_high REAL,
                estimate_basis TEXT,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (phase, round, batch))""",
            // The one place an item's current label is decided: the person's label wins; else the
            // labeling functions' vote where its estimated precision beats the model's calibrated
            // confidence for that item, so functions never make a label less reliable; else the model's.
            """
            CREATE VIEW current_labels AS
            SELECT seq, item_id, source,
                   CASE source WHEN 'human' THEN h_schema WHEN 'labeling_function' THEN f_schema ELSE p_schema END
                       AS schema_name,
                   CASE source WHEN 'human' THEN h_value WHEN 'labeling_function' THEN f_value ELSE p_value END
                       AS value,
                   CASE source WHEN 'human' THEN 1.0 WHEN 'labeling_function' THEN f_confidence ELSE p_confidence END
                       AS confidence,
                   CASE source WHEN 'human' THEN h_by WHEN 'labeling_function' THEN 'labeling functions' ELSE p_by END
                       AS made_by,
                   CASE source WHEN 'human' THEN h_phase WHEN 'labeling_function' THEN f_phase ELSE p_phase END
                       AS phase,
                   CASE source WHEN 'human' THEN h_setup WHEN 'labeling_function' THEN f_setup ELSE p_setup END
                       AS setup_version,
                   CASE source WHEN 'human' THEN h_at WHEN 'labeling_function' THEN f_at ELSE p_at END
                       AS created_at,
                   CASE source WHEN 'llm' THEN p_by ELSE '' END AS labeler,
                   CASE source WHEN 'human' THEN h_pool ELSE '' END AS pool,
                   coalesce(f_functions, '') AS functions
            FROM (
                SELECT i.seq AS seq, i.id AS item_id,
                       CASE WHEN h.value IS NOT NULL THEN 'human'
                            WHEN f.value IS NOT NULL AND (p.value IS NULL OR f.confidence > p.confidence)
                                THEN 'labeling_function'
                            WHEN p.value IS NOT NULL THEN 'llm' END AS source,
                       h.schema_name AS h_schema, h.value AS h_value, h.annotator AS h_by, h.phase AS h_phase,
                       h.setup_version AS h_setup, h.created_at AS h_at, h.pool AS h_pool,
                       f.schema_name AS f_schema, f.value AS f_value, f.confidence AS f_confidence,
                       f.phase AS f_phase, f.setup_version AS f_setup, f.created_at AS f_at,
                       f.functions AS f_functions,
                       p.schema_name AS p_schema, p.value AS p_value, p.confidence AS p_confidence,
                       p.labeler AS p_by, p.phase AS p_phase, p.setup_version AS p_setup, p.created_at AS p_at
                FROM items i
                LEFT JOIN human_labels_in_force h ON h.item_id = i.id
                LEFT JOIN function_labels f ON f.item_id = i.id
                LEFT JOIN predictions p ON p.item_id = i.id)
            WHERE source IS NOT NULL""");

    private MigrationToSeveralSources() {
    }
}
