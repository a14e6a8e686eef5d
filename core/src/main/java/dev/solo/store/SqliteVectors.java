package dev.solo.store;

import dev.solo.embed.StoredVector;
import dev.solo.embed.VectorStore;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.function.Consumer;

final class SqliteVectors implements VectorStore {
    private final Database database;

    SqliteVectors(Database database) {
        this.database = database;
    }

    @Override
    public List<String> itemsWithoutVector(String model) {
        return database.read("read the items", connection -> Sql.list(connection, """
                SELECT i.id FROM items i
                WHERE i.synthetic = 0 AND NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.model = ? AND e.item_id = i.id)
                ORDER BY length(i.text), i.seq""",
                result -> result.getString(1), model));
    }

    @Override
    public void saveVectors(String model, List<StoredVector> vectors) {
        database.write("save the embeddings", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO embeddings(model, item_id, scale, vector) VALUES (?, ?, ?, ?)")) {
                for (StoredVector vector : vectors) {
                    Sql.bind(insert, model, vector.itemId(), vector.scale(), vector.components());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void forEachVector(String model, Consumer<StoredVector> consumer) {
        database.read("read the embeddings", connection -> {
            Sql.each(connection, "SELECT item_id, scale, vector FROM embeddings WHERE model = ?",
                    result -> new StoredVector(result.getString(1), result.getFloat(2), result.getBytes(3)),
                    consumer, model);
            return null;
        });
    }

    @Override
    public void forEachDatasetVector(String model, Consumer<StoredVector> consumer) {
        database.read("read the embeddings", connection -> {
            Sql.each(connection, """
                    SELECT e.item_id, e.scale, e.vector FROM embeddings e
                    WHERE e.model = ? AND e.item_id NOT IN (SELECT id FROM items WHERE synthetic = 1)
                    ORDER BY e.item_id""",
                    result -> new StoredVector(result.getString(1), result.getFloat(2), result.getBytes(3)),
                    consumer, model);
            return null;
        });
    }

    @Override
    public long countVectors(String model) {
        return database.read("count the embeddings", connection -> Sql.one(connection,
                "SELECT vectors FROM embedding_counts WHERE model = ?", result -> result.getLong(1), model).orElse(0L));
    }
}
