package dev.solo.store;

import dev.solo.metrics.AccuracyEstimate;
import dev.solo.metrics.BatchResult;
import dev.solo.metrics.Estimate;
import dev.solo.workflow.Phase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class SqliteMeasurements implements Measurements {
    private final Database database;
    private final Clock clock;

    SqliteMeasurements(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void saveAccuracyEstimate(AccuracyEstimate estimate) {
        database.write("save an accuracy estimate", connection -> Sql.execute(connection, """
                INSERT INTO accuracy_estimates(phase, round, method, correct, total, labeler, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                estimate.phase().number(), estimate.round(), estimate.method(), estimate.correct(), estimate.total(),
                estimate.labeler(), estimate.createdAt().toEpochMilli()));
    }

    @Override
    public Optional<AccuracyEstimate> latestAccuracyEstimate() {
        return database.read("read the accuracy estimates", connection -> Sql.one(connection, """
                SELECT phase, round, method, correct, total, labeler, created_at FROM accuracy_estimates
                ORDER BY seq DESC LIMIT 1""",
                result -> new AccuracyEstimate(Phase.numbered(result.getInt(1)), result.getInt(2), result.getString(3),
                        result.getInt(4), result.getInt(5), result.getString(6), Instant.ofEpochMilli(result.getLong(7)))));
    }

    @Override
    public void saveConfusionReport(int round, Phase phase, String reportJson) {
        database.write("save a confusion analysis", connection -> Sql.execute(connection, """
                INSERT INTO confusion_reports(round, phase, report, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(round) DO UPDATE SET phase = excluded.phase, report = excluded.report,
                  created_at = excluded.created_at""",
                round, phase.number(), reportJson, clock.millis()));
    }

    @Override
    public Optional<String> confusionReport(Integer round) {
        return database.read("read the confusion analyses", connection -> round == null
                ? Sql.one(connection, "SELECT report FROM confusion_reports ORDER BY round DESC LIMIT 1",
                        result -> result.getString(1))
                : Sql.one(connection, "SELECT report FROM confusion_reports WHERE round = ?",
                        result -> result.getString(1), round));
    }

    @Override
    public void saveBatchResult(BatchResult result) {
        Optional<Estimate> estimate = result.estimate();
        database.write("save a batch result", connection -> Sql.execute(connection, """
                INSERT OR REPLACE INTO batch_results(phase, round, batch, asked, agreed, estimate, estimate_low,
                                                     estimate_high, estimate_basis, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                result.phase().number(), result.round(), result.batch(), result.asked(), result.agreed(),
                estimate.map(Estimate::value).orElse(null), estimate.map(Estimate::low).orElse(null),
                estimate.map(Estimate::high).orElse(null), estimate.map(Estimate::basis).orElse(null),
                result.createdAt().toEpochMilli()));
    }

    @Override
    public List<BatchResult> batchResults(Phase phase) {
        return database.read("read the batch results", connection -> Sql.list(connection, """
                SELECT phase, round, batch, asked, agreed, estimate, estimate_low, estimate_high, estimate_basis,
                       created_at
                FROM batch_results WHERE phase = ? ORDER BY round, batch""",
                SqliteMeasurements::batchResult, phase.number()));
    }

    private static BatchResult batchResult(ResultSet result) throws SQLException {
        String basis = result.getString(9);
        Optional<Estimate> estimate = basis == null ? Optional.empty()
                : Optional.of(new Estimate(result.getDouble(6), result.getDouble(7), result.getDouble(8), basis));
        return new BatchResult(Phase.numbered(result.getInt(1)), result.getInt(2), result.getInt(3), result.getInt(4),
                result.getInt(5), estimate, Instant.ofEpochMilli(result.getLong(10)));
    }
}
