package dev.solo.store;

import dev.solo.dataset.Item;
import dev.solo.embed.StoredVector;
import dev.solo.human.HumanLabel;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The task state in one SQLite file (WAL, synchronous=FULL). The only class with SQL in it. */
public final class SqliteStore implements Store {
    private final Connection connection;
    private final Path file;
    private final Clock clock;

    private SqliteStore(Connection connection, Path file, Clock clock) {
        this.connection = connection;
        this.file = file;
        this.clock = clock;
    }

    /** Opens the store, creating the file and applying pending migrations. */
    public static SqliteStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static SqliteStore open(Path file, Clock clock) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                // FULL: a committed human label is on disk before the next item is shown.
                statement.execute("PRAGMA synchronous = FULL");
                statement.execute("PRAGMA foreign_keys = ON");
                statement.execute("PRAGMA busy_timeout = 5000");
            }
            Migrations.apply(connection);
            return new SqliteStore(connection, file, clock);
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the task state " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing store for reading; empty if the task has never been started. */
    public static Optional<SqliteStore> openExisting(Path file) {
        return Files.exists(file) ? Optional.of(open(file)) : Optional.empty();
    }

    @Override
    public Optional<Long> randomSeed() {
        return metaValue("random_seed").map(Long::parseLong);
    }

    @Override
    public void saveRandomSeed(long seed) {
        update("INSERT INTO meta(key, value) VALUES ('random_seed', ?)", Long.toString(seed));
    }

    private Optional<String> metaValue(String key) {
        return queryOne("SELECT value FROM meta WHERE key = ?", result -> result.getString(1), key);
    }

    @Override
    public long itemCount() {
        return queryOne("SELECT count(*) FROM items", result -> result.getLong(1)).orElse(0L);
    }

    @Override
    public Item item(String id) {
        return queryOne("SELECT id, text, fields FROM items WHERE id = ?",
                result -> new Item(result.getString(1), result.getString(2), result.getString(3)), id)
                .orElseThrow(() -> new IllegalArgumentException("no item with id " + id));
    }

    @Override
    public List<SelectableItem> selectableItems(String stratifyField) {
        String stratum = stratifyField == null ? "NULL" : "json_extract(fields, ?)";
        List<SelectableItem> items = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, length(text), " + stratum + " FROM items ORDER BY seq")) {
            if (stratifyField != null) {
                statement.setString(1, "$.\"" + stratifyField.replace("\"", "") + "\"");
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    items.add(new SelectableItem(result.getString(1), result.getInt(2), result.getString(3)));
                }
            }
            return items;
        } catch (SQLException e) {
            throw failure("read the items", e);
        }
    }

    /** Writes a consistent copy of the whole state to {@code target} (which must not exist). */
    public void copyTo(Path target) {
        update("VACUUM INTO ?", target.toAbsolutePath().toString());
    }

    /** Starts importing items; nothing is visible to other readers until the import commits. */
    public ItemImport beginImport() {
        try {
            connection.setAutoCommit(false);
            int run = queryOne("SELECT coalesce(max(import_run), 0) + 1 FROM items", result -> result.getInt(1)).orElse(1);
            return new ItemImport(connection, run);
        } catch (SQLException e) {
            throw failure("start the import", e);
        }
    }

    @Override
    public List<QueueEntry> queue(Phase phase, int round) {
        return queryList("SELECT item_id, reason FROM selection_queue WHERE phase = ? AND round = ? ORDER BY position",
                result -> new QueueEntry(result.getString(1), result.getString(2)), phase.number(), round);
    }

    @Override
    public void saveQueue(Phase phase, int round, List<QueueEntry> entries) {
        inTransaction(() -> {
            try (PreparedStatement clear = connection.prepareStatement(
                    "DELETE FROM selection_queue WHERE phase = ? AND round = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO selection_queue(phase, round, position, item_id, reason) VALUES (?, ?, ?, ?, ?)")) {
                clear.setInt(1, phase.number());
                clear.setInt(2, round);
                clear.executeUpdate();
                for (int position = 0; position < entries.size(); position++) {
                    insert.setInt(1, phase.number());
                    insert.setInt(2, round);
                    insert.setInt(3, position);
                    insert.setString(4, entries.get(position).itemId());
                    insert.setString(5, entries.get(position).reason());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    @Override
    public void saveHumanLabel(HumanLabel label) {
        update("""
                INSERT INTO human_events(item_id, schema_name, kind, value, phase, round, annotator, created_at, answer_millis)
                VALUES (?, ?, 'label', ?, ?, ?, ?, ?, ?)""",
                label.itemId(), label.schemaName(), label.value(), label.phase().number(), label.round(),
                label.annotator(), label.createdAt().toEpochMilli(), label.answerMillis());
    }

    @Override
    public void saveSkip(String itemId, String schemaName, Phase phase, int round, String annotator) {
        update("""
                INSERT INTO human_events(item_id, schema_name, kind, phase, round, annotator, created_at)
                VALUES (?, ?, 'skip', ?, ?, ?, ?)""",
                itemId, schemaName, phase.number(), round, annotator, clock.millis());
    }

    @Override
    public Optional<String> undoLatest(Phase phase, int round) {
        Optional<Object[]> latest = queryOne("""
                SELECT seq, item_id, schema_name, annotator FROM answers_in_force
                WHERE phase = ? AND round = ? ORDER BY seq DESC LIMIT 1""",
                result -> new Object[] {result.getLong(1), result.getString(2), result.getString(3), result.getString(4)},
                phase.number(), round);
        latest.ifPresent(row -> update("""
                INSERT INTO human_events(item_id, schema_name, kind, retracts, phase, round, annotator, created_at)
                VALUES (?, ?, 'retract', ?, ?, ?, ?, ?)""",
                row[1], row[2], row[0], phase.number(), round, row[3], clock.millis()));
        return latest.map(row -> (String) row[1]);
    }

    @Override
    public Set<String> answeredItems(Phase phase, int round) {
        return new HashSet<>(queryList("SELECT item_id FROM answers_in_force WHERE phase = ? AND round = ?",
                result -> result.getString(1), phase.number(), round));
    }

    @Override
    public Set<String> labeledItems(Phase phase, int round) {
        return new HashSet<>(queryList("SELECT item_id FROM answers_in_force WHERE kind = 'label' AND phase = ? AND round = ?",
                result -> result.getString(1), phase.number(), round));
    }

    @Override
    public int humanLabelCount(Phase phase, int round) {
        return queryOne("SELECT count(*) FROM answers_in_force WHERE kind = 'label' AND phase = ? AND round = ?",
                result -> result.getInt(1), phase.number(), round).orElse(0);
    }

    @Override
    public long humanLabeledItemCount() {
        return queryOne("SELECT count(DISTINCT item_id) FROM human_labels_in_force", result -> result.getLong(1)).orElse(0L);
    }

    @Override
    public Map<Phase, Long> humanLabelsByPhase() {
        Map<Phase, Long> counts = new EnumMap<>(Phase.class);
        for (long[] row : queryList("SELECT phase, count(*) FROM answers_in_force WHERE kind = 'label' GROUP BY phase",
                result -> new long[] {result.getLong(1), result.getLong(2)})) {
            counts.put(Phase.numbered((int) row[0]), row[1]);
        }
        return counts;
    }

    @Override
    public long humanAnswerMillis() {
        return queryOne("SELECT coalesce(sum(answer_millis), 0) FROM answers_in_force", result -> result.getLong(1))
                .orElse(0L);
    }

    @Override
    public LabelCounts labelCounts() {
        return queryOne("""
                SELECT (SELECT count(*) FROM items),
                       (SELECT count(DISTINCT item_id) FROM human_labels_in_force),
                       (SELECT count(*) FROM model_labels m WHERE m.source = 'labeling_function'
                          AND NOT EXISTS (SELECT 1 FROM human_labels_in_force h WHERE h.item_id = m.item_id)),
                       (SELECT count(*) FROM model_labels m WHERE m.source = 'llm'
                          AND NOT EXISTS (SELECT 1 FROM human_labels_in_force h WHERE h.item_id = m.item_id))""",
                result -> new LabelCounts(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4)))
                .orElseThrow();
    }

    @Override
    public void forEachLabeledRow(Consumer<LabeledRow> consumer) {
        String sql = """
                SELECT i.id,
                       coalesce(h.schema_name, m.schema_name),
                       coalesce(h.value, m.value),
                       CASE WHEN h.value IS NOT NULL THEN 'human' ELSE m.source END,
                       CASE WHEN h.value IS NOT NULL THEN 1.0 ELSE m.confidence END,
                       CASE WHEN h.value IS NOT NULL THEN h.annotator ELSE m.labeler END,
                       CASE WHEN h.value IS NOT NULL THEN h.phase ELSE m.phase END,
                       CASE WHEN h.value IS NOT NULL THEN h.created_at ELSE m.created_at END
                FROM items i
                LEFT JOIN human_labels_in_force h ON h.item_id = i.id
                LEFT JOIN model_labels m ON m.item_id = i.id
                WHERE h.value IS NOT NULL OR m.value IS NOT NULL
                ORDER BY i.seq""";
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                consumer.accept(new LabeledRow(result.getString(1), result.getString(2), result.getString(3),
                        sourceNamed(result.getString(4)), result.getDouble(5), result.getString(6), result.getInt(7),
                        Instant.ofEpochMilli(result.getLong(8))));
            }
        } catch (SQLException e) {
            throw failure("read the labels", e);
        }
    }

    private static LabelSource sourceNamed(String name) {
        for (LabelSource source : LabelSource.values()) {
            if (source.exportName().equals(name)) {
                return source;
            }
        }
        throw new IllegalStateException("unknown label source " + name);
    }

    @Override
    public List<HumanExample> humanExamples(String schemaName) {
        return queryList("SELECT item_id, value FROM human_labels_in_force WHERE schema_name = ? ORDER BY seq",
                result -> new HumanExample(result.getString(1), result.getString(2)), schemaName);
    }

    @Override
    public List<SelectableItem> itemsWithoutEmbedding(String model) {
        return queryList("""
                SELECT i.id, length(i.text) FROM items i
                WHERE NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.model = ? AND e.item_id = i.id)
                ORDER BY i.seq""",
                result -> new SelectableItem(result.getString(1), result.getInt(2), null), model);
    }

    @Override
    public void saveEmbeddings(String model, List<StoredVector> vectors) {
        inTransaction(() -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO embeddings(model, item_id, scale, vector) VALUES (?, ?, ?, ?)")) {
                for (StoredVector vector : vectors) {
                    insert.setString(1, model);
                    insert.setString(2, vector.itemId());
                    insert.setFloat(3, vector.scale());
                    insert.setBytes(4, vector.components());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    @Override
    public void forEachEmbedding(String model, Consumer<StoredVector> consumer) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT item_id, scale, vector FROM embeddings WHERE model = ?")) {
            statement.setString(1, model);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    consumer.accept(new StoredVector(result.getString(1), result.getFloat(2), result.getBytes(3)));
                }
            }
        } catch (SQLException e) {
            throw failure("read the embeddings", e);
        }
    }

    @Override
    public void saveModelLabels(List<ModelLabel> labels) {
        inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO model_labels(item_id, schema_name, value, confidence, margin, reasoning, source, labeler,
                                             phase, round, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(item_id, schema_name) DO UPDATE SET value = excluded.value,
                      confidence = excluded.confidence, margin = excluded.margin, reasoning = excluded.reasoning,
                      source = excluded.source,
                      labeler = excluded.labeler, phase = excluded.phase, round = excluded.round,
                      created_at = excluded.created_at""")) {
                for (ModelLabel label : labels) {
                    bind(upsert, label.itemId(), label.schemaName(), label.value(), label.confidence(), label.margin(),
                            label.reasoning(), label.source().exportName(), label.labeler(), label.phase().number(), label.round(),
                            label.createdAt().toEpochMilli());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    @Override
    public void saveAccuracyEstimate(AccuracyEstimate estimate) {
        update("""
                INSERT INTO accuracy_estimates(phase, round, method, correct, total, labeler, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                estimate.phase().number(), estimate.round(), estimate.method(), estimate.correct(), estimate.total(),
                estimate.labeler(), estimate.createdAt().toEpochMilli());
    }

    @Override
    public Optional<AccuracyEstimate> latestAccuracyEstimate() {
        return queryOne("""
                SELECT phase, round, method, correct, total, labeler, created_at FROM accuracy_estimates
                ORDER BY seq DESC LIMIT 1""",
                result -> new AccuracyEstimate(Phase.numbered(result.getInt(1)), result.getInt(2), result.getString(3),
                        result.getInt(4), result.getInt(5), result.getString(6), Instant.ofEpochMilli(result.getLong(7))));
    }

    @Override
    public void saveConfusionReport(int round, Phase phase, String reportJson) {
        update("""
                INSERT INTO confusion_reports(round, phase, report, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(round) DO UPDATE SET phase = excluded.phase, report = excluded.report,
                  created_at = excluded.created_at""",
                round, phase.number(), reportJson, clock.millis());
    }

    @Override
    public Optional<String> confusionReport(Integer round) {
        return round == null
                ? queryOne("SELECT report FROM confusion_reports ORDER BY round DESC LIMIT 1", result -> result.getString(1))
                : queryOne("SELECT report FROM confusion_reports WHERE round = ?", result -> result.getString(1), round);
    }

    @Override
    public Optional<String> cachedLlmResponse(String key) {
        return queryOne("SELECT response FROM llm_cache WHERE key = ?", result -> result.getString(1), key);
    }

    @Override
    public void saveLlmCall(LlmCall call, String key, String response) {
        inTransaction(() -> {
            execute("""
                    INSERT INTO llm_calls(provider, model, input_tokens, output_tokens, cost_usd, from_cache, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    call.provider(), call.model(), call.inputTokens(), call.outputTokens(), call.costUsd(),
                    call.fromCache() ? 1 : 0, call.createdAt().toEpochMilli());
            if (response != null) {
                execute("""
                        INSERT OR REPLACE INTO llm_cache(key, provider, model, response, created_at)
                        VALUES (?, ?, ?, ?, ?)""",
                        key, call.provider(), call.model(), response, call.createdAt().toEpochMilli());
            }
        });
    }

    @Override
    public LlmUsage llmUsage() {
        return queryOne("""
                SELECT count(*), coalesce(sum(from_cache), 0), coalesce(sum(input_tokens), 0),
                       coalesce(sum(output_tokens), 0), coalesce(sum(cost_usd), 0)
                FROM llm_calls""",
                result -> new LlmUsage(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4),
                        result.getDouble(5))).orElse(LlmUsage.NONE);
    }

    @Override
    public WorkflowState workflowState() {
        return queryOne("SELECT phase, round, batch, status, note FROM workflow WHERE id = 1",
                result -> new WorkflowState(Phase.numbered(result.getInt(1)), result.getInt(2), result.getInt(3),
                        WorkflowState.Status.valueOf(result.getString(4)), result.getString(5)))
                .orElse(WorkflowState.START);
    }

    @Override
    public void saveWorkflowState(WorkflowState state, String reason) {
        WorkflowState before = workflowState();
        boolean fresh = queryOne("SELECT count(*) FROM workflow", result -> result.getInt(1)).orElse(0) == 0;
        inTransaction(() -> {
            execute("""
                    INSERT INTO workflow(id, phase, round, batch, status, note, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET phase = excluded.phase, round = excluded.round, batch = excluded.batch,
                      status = excluded.status, note = excluded.note, updated_at = excluded.updated_at""",
                    state.phase().number(), state.round(), state.batch(), state.status().name(), state.note(),
                    clock.millis());
            if (fresh || before.phase() != state.phase() || before.round() != state.round()) {
                execute("INSERT INTO phase_log(from_phase, to_phase, round, reason, at) VALUES (?, ?, ?, ?, ?)",
                        fresh ? null : before.phase().number(), state.phase().number(), state.round(), reason,
                        clock.millis());
            }
        });
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close the task state", e);
        }
    }

    // --- plumbing ---------------------------------------------------------------------------

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet result) throws SQLException;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(Work work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("write the task state", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try {
            execute(sql, parameters);
        } catch (SQLException e) {
            throw failure("write the task state", e);
        }
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        }
    }

    private <T> Optional<T> queryOne(String sql, Row<T> row, Object... parameters) {
        List<T> rows = queryList(sql, row, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    private <T> List<T> queryList(String sql, Row<T> row, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(row.read(result));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failure("read the task state", e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private StoreException failure(String action, SQLException e) {
        return new StoreException("cannot " + action + " in " + file + ": " + e.getMessage(), e);
    }
}
