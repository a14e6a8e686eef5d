package dev.solo.store;

import dev.solo.human.LabelPair;
import dev.solo.human.SecondLabel;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

final class SqliteVerifications implements Verifications {
    private final Database database;

    SqliteVerifications(Database database) {
        this.database = database;
    }

    @Override
    public void save(SecondLabel label) {
        database.write("save the second annotator's label", connection -> Sql.execute(connection, """
                INSERT OR REPLACE INTO verification_labels(item_id, schema_name, value, annotator, created_at, answer_millis)
                VALUES (?, ?, ?, ?, ?, ?)""", label.itemId(), label.schemaName(), label.value(), label.annotator(),
                label.createdAt().toEpochMilli(), label.answerMillis()));
    }

    @Override
    public Optional<String> undoLatest(String annotator) {
        return database.write("take back the second annotator's latest answer", connection -> {
            Optional<Long> latest = Sql.one(connection,
                    "SELECT max(seq) FROM verification_labels WHERE annotator = ?", result -> {
                        long seq = result.getLong(1);
                        return result.wasNull() ? null : seq;
                    }, annotator);
            if (latest.isEmpty()) {
                return Optional.<String>empty();
            }
            Optional<String> item = Sql.one(connection, "SELECT item_id FROM verification_labels WHERE seq = ?",
                    result -> result.getString(1), latest.get());
            Sql.execute(connection, "DELETE FROM verification_labels WHERE seq = ?", latest.get());
            return item;
        });
    }

    @Override
    public Set<String> answeredBy(String annotator) {
        return database.read("read the second annotator's answers", connection -> {
            Set<String> items = new HashSet<>();
            Sql.each(connection, "SELECT item_id FROM verification_labels WHERE annotator = ?",
                    result -> result.getString(1), items::add, annotator);
            return items;
        });
    }

    @Override
    public List<LabelPair> pairs(String schemaName, String annotator) {
        return database.read("read the doubly labeled items", connection -> Sql.list(connection, """
                SELECT v.item_id, i.text, h.value, h.annotator, v.value
                FROM verification_labels v
                JOIN human_labels_in_force h ON h.item_id = v.item_id AND h.schema_name = v.schema_name
                JOIN items i ON i.id = v.item_id
                WHERE v.schema_name = ? AND v.annotator = ? AND v.value IS NOT NULL
                ORDER BY v.seq""",
                result -> new LabelPair(result.getString(1), result.getString(2), result.getString(3),
                        result.getString(4), result.getString(5)), schemaName, annotator));
    }
}
