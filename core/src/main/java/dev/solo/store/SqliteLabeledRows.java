package dev.solo.store;

import dev.solo.label.LabelCounts;
import dev.solo.label.LabelSource;
import dev.solo.label.LabeledRow;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.stream.DoubleStream;

final class SqliteLabeledRows implements LabeledRows {
    private final Database database;
    private final String view;
    private final String itemCount;

    /** The dataset's labels, or with {@code withSynthetic} the synthetic items' too. */
    SqliteLabeledRows(Database database, boolean withSynthetic) {
        this.database = database;
        this.view = withSynthetic ? "current_labels" : "dataset_labels";
        this.itemCount = withSynthetic ? "SELECT count(*) FROM items" : SqliteItems.DATASET_COUNT;
    }

    @Override
    public LabelCounts counts() {
        return database.read("count the labels", connection -> {
            Map<String, Long> bySource = new HashMap<>();
            Sql.each(connection, "SELECT source, count(*) FROM " + view + " GROUP BY source",
                    result -> Map.entry(result.getString(1), result.getLong(2)),
                    entry -> bySource.put(entry.getKey(), entry.getValue()));
            long items = Sql.one(connection, itemCount, result -> result.getLong(1)).orElse(0L);
            return new LabelCounts(items, bySource.getOrDefault(LabelSource.HUMAN.exportName(), 0L),
                    bySource.getOrDefault(LabelSource.LABELING_FUNCTION.exportName(), 0L),
                    bySource.getOrDefault(LabelSource.LLM.exportName(), 0L));
        });
    }

    private static List<String> names(String functions) {
        return functions == null || functions.isEmpty() ? List.of() : Arrays.asList(functions.split("\n"));
    }

    @Override
    public double[] machineConfidences(String schemaName) {
        return database.read("read the machine labels' confidence", connection -> {
            DoubleStream.Builder values = DoubleStream.builder();
            Sql.each(connection, "SELECT confidence FROM " + view
                    + " WHERE source IN ('llm', 'labeling_function') AND schema_name = ? ORDER BY seq",
                    result -> result.getDouble(1), values::add, schemaName);
            return values.build().toArray();
        });
    }

    @Override
    public void forEach(Consumer<LabeledRow> consumer) {
        database.read("read the labels", connection -> {
            Sql.each(connection, "SELECT item_id, schema_name, value, source, confidence, made_by, phase, setup_version, "
                            + "created_at, labeler, pool, functions FROM " + view + " ORDER BY seq",
                    result -> new LabeledRow(result.getString(1), result.getString(2), result.getString(3),
                            LabelSource.named(result.getString(4)), result.getDouble(5), result.getString(6),
                            result.getInt(7), result.getInt(8), Instant.ofEpochMilli(result.getLong(9)),
                            result.getString(10), result.getString(11), names(result.getString(12))),
                    consumer);
            return null;
        });
    }

    @Override
    public Map<String, Long> valueCounts() {
        return database.read("count the labels by value", connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            Sql.each(connection, "SELECT value, count(*) FROM " + view + " GROUP BY value ORDER BY count(*) DESC, value",
                    result -> Map.entry(result.getString(1), result.getLong(2)),
                    entry -> counts.put(entry.getKey(), entry.getValue()));
            return counts;
        });
    }

    @Override
    public OptionalDouble meanConfidence(LabelSource source) {
        return database.read("average the labels' confidence", connection -> Sql.one(connection,
                "SELECT avg(confidence), count(*) FROM " + view + " WHERE source = ?",
                result -> result.getLong(2) == 0 ? OptionalDouble.empty() : OptionalDouble.of(result.getDouble(1)),
                source.exportName()).orElse(OptionalDouble.empty()));
    }
}
