package dev.solo.store;

import dev.solo.label.ModelLabel;
import dev.solo.labeler.Prediction;
import dev.solo.workflow.Phase;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

final class SqlitePredictions implements Predictions {
    /**
     * Rows per write transaction. The person's label waits for the write under way, so a save of
     * every item's prediction goes in chunks of this size: in one transaction of 20,000 rows a
     * human label waited up to 275 ms (bench/SCALE.md, 100,000 items); 2,000 take a few ms.
     */
    static final int ROWS_PER_TRANSACTION = 2_000;

    private static final String COLUMNS = "p.item_id, p.schema_name, p.value, p.confidence, p.margin, p.distribution, "
            + "p.reasoning, p.labeler, p.phase, p.round, p.setup_version, p.created_at";

    private final Database database;

    SqlitePredictions(Database database) {
        this.database = database;
    }

    @Override
    public void save(List<ModelLabel> labels) {
        for (int from = 0; from < labels.size(); from += ROWS_PER_TRANSACTION) {
            saveInOneTransaction(labels.subList(from, Math.min(labels.size(), from + ROWS_PER_TRANSACTION)));
        }
    }

    private void saveInOneTransaction(List<ModelLabel> labels) {
        database.writeRecomputable("save the model's labels", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT OR REPLACE INTO predictions(item_id, schema_name, value, confidence, margin, distribution,
                        reasoning, labeler, phase, round, setup_version, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (ModelLabel label : labels) {
                    Prediction prediction = label.prediction();
                    Sql.bind(upsert, prediction.itemId(), label.schemaName(), prediction.label(), prediction.confidence(),
                            prediction.margin(), encode(prediction.distribution()), prediction.reasoning(),
                            label.labeler(), label.phase().number(), label.round(), label.setupVersion(),
                            label.createdAt().toEpochMilli());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<ModelLabel> of(String itemId, String schemaName) {
        return database.read("read a prediction", connection -> Sql.one(connection,
                "SELECT " + COLUMNS + " FROM predictions p WHERE p.item_id = ? AND p.schema_name = ?",
                SqlitePredictions::read, itemId, schemaName));
    }

    @Override
    public void forEach(String schemaName, Consumer<ModelLabel> consumer) {
        database.read("read the predictions", connection -> {
            Sql.each(connection, "SELECT " + COLUMNS + " FROM items i JOIN predictions p ON p.item_id = i.id "
                    + "WHERE p.schema_name = ? ORDER BY i.seq", SqlitePredictions::read, consumer, schemaName);
            return null;
        });
    }

    @Override
    public List<String> itemIds(String schemaName) {
        return database.read("read the predictions", connection -> Sql.list(connection,
                "SELECT p.item_id FROM items i JOIN predictions p ON p.item_id = i.id WHERE p.schema_name = ? ORDER BY i.seq",
                result -> result.getString(1), schemaName));
    }

    @Override
    public void forEach(String schemaName, Set<String> itemIds, Consumer<ModelLabel> consumer) {
        database.read("read the predictions", connection -> {
            Sql.each(connection, "SELECT " + COLUMNS + " FROM items i JOIN predictions p ON p.item_id = i.id "
                    + "WHERE p.schema_name = ? ORDER BY i.seq",
                    result -> itemIds.contains(result.getString(1)) ? read(result) : null,
                    label -> {
                        if (label != null) {
                            consumer.accept(label);
                        }
                    }, schemaName);
            return null;
        });
    }

    @Override
    public long count() {
        return database.read("count the predictions", connection ->
                Sql.one(connection, "SELECT count(*) FROM predictions", result -> result.getLong(1)).orElse(0L));
    }

    private static ModelLabel read(ResultSet result) throws SQLException {
        Prediction prediction = new Prediction(result.getString(1), result.getString(3), result.getDouble(4),
                result.getDouble(5), decode(result.getBytes(6)), result.getString(7));
        return new ModelLabel(prediction, result.getString(2), result.getString(8), Phase.numbered(result.getInt(9)),
                result.getInt(10), result.getInt(11), Instant.ofEpochMilli(result.getLong(12)));
    }

    /** Doubles, little-endian: the distribution exactly as the labeler gave it. */
    static byte[] encode(double[] distribution) {
        if (distribution == null) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(distribution.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double p : distribution) {
            bytes.putDouble(p);
        }
        return bytes.array();
    }

    static double[] decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] distribution = new double[bytes.length / Double.BYTES];
        for (int k = 0; k < distribution.length; k++) {
            distribution[k] = buffer.getDouble();
        }
        return distribution;
    }
}
