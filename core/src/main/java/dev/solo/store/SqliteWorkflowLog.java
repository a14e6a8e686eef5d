package dev.solo.store;

import dev.solo.select.QueueEntry;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

final class SqliteWorkflowLog implements WorkflowLog {
    private final Database database;
    private final Clock clock;

    SqliteWorkflowLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<Long> randomSeed() {
        return database.read("read the random seed", connection -> Sql.one(connection,
                "SELECT value FROM meta WHERE key = 'random_seed'", result -> Long.parseLong(result.getString(1))));
    }

    @Override
    public void saveRandomSeed(long seed) {
        database.write("save the random seed", connection ->
                Sql.execute(connection, "INSERT INTO meta(key, value) VALUES ('random_seed', ?)", Long.toString(seed)));
    }

    @Override
    public WorkflowState state() {
        return database.read("read the workflow state", SqliteWorkflowLog::state);
    }

    private static WorkflowState state(Connection connection) throws SQLException {
        return Sql.one(connection, "SELECT phase, round, batch, status, note FROM workflow WHERE id = 1",
                result -> new WorkflowState(Phase.numbered(result.getInt(1)), result.getInt(2), result.getInt(3),
                        WorkflowState.Status.valueOf(result.getString(4)), result.getString(5)))
                .orElse(WorkflowState.START);
    }

    @Override
    public void save(WorkflowState state, String reason) {
        database.write("save the workflow state", connection -> {
            boolean fresh = Sql.one(connection, "SELECT count(*) FROM workflow", result -> result.getInt(1)).orElse(0) == 0;
            WorkflowState before = state(connection);
            Sql.execute(connection, """
                    INSERT INTO workflow(id, phase, round, batch, status, note, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET phase = excluded.phase, round = excluded.round, batch = excluded.batch,
                      status = excluded.status, note = excluded.note, updated_at = excluded.updated_at""",
                    state.phase().number(), state.round(), state.batch(), state.status().name(), state.note(),
                    clock.millis());
            if (fresh || before.phase() != state.phase() || before.round() != state.round()) {
                Sql.execute(connection, "INSERT INTO phase_log(from_phase, to_phase, round, reason, at) VALUES (?, ?, ?, ?, ?)",
                        fresh ? null : before.phase().number(), state.phase().number(), state.round(), reason,
                        clock.millis());
            }
            return null;
        });
    }

    @Override
    public List<QueueEntry> queue(Phase phase, int round, int batch) {
        return database.read("read the queue", connection -> Sql.list(connection, """
                SELECT item_id, pool, detail, machine_label, machine_confidence FROM queued_items
                WHERE phase = ? AND round = ? AND batch = ? ORDER BY position""",
                result -> new QueueEntry(result.getString(1), result.getString(2), result.getString(3),
                        result.getString(4), result.getObject(5) == null ? null : result.getDouble(5)),
                phase.number(), round, batch));
    }

    @Override
    public void saveQueue(Phase phase, int round, int batch, List<QueueEntry> entries) {
        database.write("save the queue", connection -> {
            Sql.execute(connection, "DELETE FROM queued_items WHERE phase = ? AND round = ? AND batch = ?",
                    phase.number(), round, batch);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO queued_items(phase, round, batch, position, item_id, pool, detail, machine_label,
                                             machine_confidence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int position = 0; position < entries.size(); position++) {
                    QueueEntry entry = entries.get(position);
                    Sql.bind(insert, phase.number(), round, batch, position, entry.itemId(), entry.pool(), entry.detail(),
                            entry.machineLabel(), entry.machineConfidence());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public boolean warnOnce(String key, String text) {
        return database.write("save a warning", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO warnings(key, text, created_at) VALUES (?, ?, ?)")) {
                Sql.bind(insert, key, text, clock.millis());
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<String> warnings() {
        return database.read("read the warnings", connection -> Sql.list(connection,
                "SELECT text FROM warnings ORDER BY created_at, key", result -> result.getString(1)));
    }
}
