package dev.solo.store;

import dev.solo.lf.FunctionRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

final class SqliteFunctionCatalog implements FunctionCatalog {
    private static final String COLUMNS = "kind, pattern, label, covered, checked, correct, status, decided_by";

    private final Database database;

    SqliteFunctionCatalog(Database database) {
        this.database = database;
    }

    @Override
    public void save(int round, List<FunctionRecord> functions) {
        database.write("save the labeling functions", connection -> {
            Sql.execute(connection, "DELETE FROM labeling_functions WHERE round = ?", round);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO labeling_functions(round, position, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int position = 0; position < functions.size(); position++) {
                    FunctionRecord function = functions.get(position);
                    Sql.bind(insert, round, position, function.kind(), function.pattern(), function.label(),
                            function.covered(), function.checked(), function.correct(), function.status().name(),
                            function.decidedBy());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<FunctionRecord> of(int round) {
        return database.read("read the labeling functions", connection -> Sql.list(connection,
                "SELECT " + COLUMNS + " FROM labeling_functions WHERE round = ? ORDER BY position",
                SqliteFunctionCatalog::read, round));
    }

    @Override
    public List<FunctionRecord> enabled() {
        return database.read("read the labeling functions", connection -> Sql.list(connection,
                "SELECT " + COLUMNS + " FROM labeling_functions WHERE status = 'ENABLED' "
                        + "AND round = (SELECT max(round) FROM labeling_functions) ORDER BY position",
                SqliteFunctionCatalog::read));
    }

    @Override
    public List<FunctionRecord> latest() {
        return database.read("read the labeling functions", connection -> Sql.list(connection,
                "SELECT " + COLUMNS + " FROM labeling_functions "
                        + "WHERE round = (SELECT max(round) FROM labeling_functions) ORDER BY position",
                SqliteFunctionCatalog::read));
    }

    private static FunctionRecord read(ResultSet result) throws SQLException {
        return new FunctionRecord(result.getString(1), result.getString(2), result.getString(3), result.getInt(4),
                result.getInt(5), result.getInt(6), FunctionRecord.Status.valueOf(result.getString(7)),
                result.getString(8));
    }
}
