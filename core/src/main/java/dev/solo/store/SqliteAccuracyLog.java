package dev.solo.store;

import dev.solo.metrics.AccuracyRecord;
import dev.solo.metrics.AccuracyReport;
import dev.solo.metrics.Estimate;
import dev.solo.metrics.RandomCheck;
import dev.solo.metrics.RandomLabel;
import dev.solo.workflow.Phase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class SqliteAccuracyLog implements AccuracyLog {
    private static final String COLUMNS = """
            phase, round, batch, random_labels, machine_value, machine_low, machine_high, machine_basis,
            dataset_value, dataset_low, dataset_high, dataset_basis, created_at""";

    private final Database database;

    SqliteAccuracyLog(Database database) {
        this.database = database;
    }

    @Override
    public List<RandomCheck> randomChecks(String schemaName) {
        return randomLabels(schemaName).stream().map(RandomLabel::check).toList();
    }

    @Override
    public List<RandomLabel> randomLabels(String schemaName) {
        // An item is queued once by the random pool at most while it has no human label; the latest
        // queueing with a machine label is the one its label answered.
        return database.read("read the random labels", connection -> Sql.list(connection, """
                SELECT h.item_id, q.machine_label, q.machine_confidence, h.value
                FROM human_labels_in_force h
                JOIN queued_items q ON q.item_id = h.item_id AND q.pool = 'random' AND q.machine_label IS NOT NULL
                WHERE h.schema_name = ?
                  AND q.rowid = (SELECT max(r.rowid) FROM queued_items r
                                 WHERE r.item_id = h.item_id AND r.pool = 'random' AND r.machine_label IS NOT NULL)
                ORDER BY h.seq""",
                result -> new RandomLabel(result.getString(1), result.getString(2), result.getDouble(3),
                        result.getString(4)), schemaName));
    }

    @Override
    public void save(AccuracyRecord record) {
        AccuracyReport report = record.report();
        Estimate machine = report.machine();
        Estimate dataset = report.dataset();
        database.write("save an accuracy report", connection -> Sql.execute(connection,
                "INSERT OR REPLACE INTO accuracy_reports(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                record.phase().number(), record.round(), record.batch(), report.randomLabels(), machine.value(),
                machine.low(), machine.high(), machine.basis(), dataset.value(), dataset.low(), dataset.high(),
                dataset.basis(), record.createdAt().toEpochMilli()));
    }

    @Override
    public Optional<AccuracyRecord> latest() {
        return database.read("read the accuracy reports", connection -> Sql.one(connection,
                "SELECT " + COLUMNS + " FROM accuracy_reports ORDER BY created_at DESC, round DESC, batch DESC LIMIT 1",
                SqliteAccuracyLog::record));
    }

    @Override
    public List<AccuracyRecord> all() {
        return database.read("read the accuracy reports", connection -> Sql.list(connection,
                "SELECT " + COLUMNS + " FROM accuracy_reports ORDER BY created_at, round, batch",
                SqliteAccuracyLog::record));
    }

    private static AccuracyRecord record(ResultSet result) throws SQLException {
        Estimate machine = new Estimate(result.getDouble(5), result.getDouble(6), result.getDouble(7), result.getString(8));
        Estimate dataset = new Estimate(result.getDouble(9), result.getDouble(10), result.getDouble(11),
                result.getString(12));
        return new AccuracyRecord(Phase.numbered(result.getInt(1)), result.getInt(2), result.getInt(3),
                new AccuracyReport(machine, dataset, result.getInt(4)), Instant.ofEpochMilli(result.getLong(13)));
    }
}
