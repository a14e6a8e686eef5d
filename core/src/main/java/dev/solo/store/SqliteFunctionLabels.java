package dev.solo.store;

import dev.solo.label.FunctionLabel;
import java.sql.PreparedStatement;
import dev.solo.workflow.Phase;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

final class SqliteFunctionLabels implements FunctionLabels {
    private final Database database;

    SqliteFunctionLabels(Database database) {
        this.database = database;
    }

    @Override
    public void replaceAll(List<FunctionLabel> labels) {
        database.write("save the labeling functions' votes", connection -> {
            Sql.execute(connection, "DELETE FROM function_labels");
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO function_labels(item_id, schema_name, value, confidence, functions, phase, round,
                                                setup_version, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (FunctionLabel label : labels) {
                    Sql.bind(insert, label.itemId(), label.schemaName(), label.value(), label.confidence(),
                            String.join("\n", label.functions()), label.phase().number(), label.round(),
                            label.setupVersion(), label.createdAt().toEpochMilli());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void forEach(String schemaName, Consumer<FunctionLabel> consumer) {
        database.read("read the labeling functions' votes", connection -> {
            Sql.each(connection, """
                    SELECT item_id, schema_name, value, confidence, functions, phase, round, setup_version, created_at
                    FROM function_labels WHERE schema_name = ?""",
                    result -> new FunctionLabel(result.getString(1), result.getString(2), result.getString(3),
                            result.getDouble(4), result.getString(5).isEmpty() ? List.of()
                                    : List.of(result.getString(5).split("\n")),
                            Phase.numbered(result.getInt(6)), result.getInt(7), result.getInt(8),
                            Instant.ofEpochMilli(result.getLong(9))),
                    consumer, schemaName);
            return null;
        });
    }

    @Override
    public long count() {
        return database.read("count the labeling functions' votes", connection ->
                Sql.one(connection, "SELECT n FROM label_tallies WHERE name = 'function_labels'",
                        result -> result.getLong(1)).orElse(0L));
    }
}
