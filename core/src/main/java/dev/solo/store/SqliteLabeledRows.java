package dev.solo.store;

import dev.solo.label.LabelCounts;
import dev.solo.label.LabelSource;
import dev.solo.label.LabeledRow;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    /**
     * Import order, sorted after the read: the unary plus keeps SQLite from walking the items in that order
     * (their rowid), which makes it look up each item's prediction and vote at random; it walks them in id order,
     * the order those are stored in, and sorts the rows at the end. At a million items: 19 s against 3 s.
     */
    private static final String IMPORT_ORDER = "+seq";

    /** The items set apart from the machine tallies, with the machine label's source as {@code current_labels} decides it. */
    private static final String SET_APART = """
            SELECT i.synthetic,
                   EXISTS (SELECT 1 FROM human_labels_in_force h WHERE h.item_id = i.id),
                   CASE WHEN f.item_id IS NOT NULL AND (p.item_id IS NULL OR f.confidence > p.confidence)
                            THEN 'labeling_function'
                        WHEN p.item_id IS NOT NULL THEN 'llm' END
            FROM items i
            LEFT JOIN function_labels f ON f.item_id = i.id
            LEFT JOIN predictions p ON p.item_id = i.id
            WHERE i.id IN (SELECT item_id FROM human_events WHERE kind = 'label'
                           UNION SELECT id FROM items WHERE synthetic = 1)""";

    private final Database database;
    private final String view;
    private final String itemCount;
    private final boolean withSynthetic;

    /** The dataset's labels, or with {@code withSynthetic} the synthetic items' too. */
    SqliteLabeledRows(Database database, boolean withSynthetic) {
        this.database = database;
        this.view = withSynthetic ? "current_labels" : "dataset_labels";
        this.itemCount = withSynthetic ? "SELECT count(*) FROM items" : SqliteItems.DATASET_COUNT;
        this.withSynthetic = withSynthetic;
    }

    /**
     * Counts by source from the tallies kept on write ({@link MigrationToKeptCounts}) instead of a pass over the
     * view: the tallies give each item's machine label as if nobody had labeled it, and the few items set apart
     * (the person's, and the synthetic ones outside the dataset) are then moved to where the view puts them.
     */
    @Override
    public LabelCounts counts() {
        return database.read("count the labels", connection -> {
            Map<String, Long> tallies = new HashMap<>();
            Sql.each(connection, "SELECT name, n FROM label_tallies",
                    result -> Map.entry(result.getString(1), result.getLong(2)),
                    entry -> tallies.put(entry.getKey(), entry.getValue()));
            long beats = tallies.getOrDefault("function_beats_prediction", 0L);
            long functions = beats + tallies.getOrDefault("function_alone", 0L);
            long model = tallies.getOrDefault("predictions", 0L) - beats;
            long human = 0;
            for (SetApart item : Sql.list(connection, SET_APART, SetApart::read)) {
                boolean counted = withSynthetic || !item.synthetic();
                if (item.human() || !counted) {
                    functions -= item.machineSource() == LabelSource.LABELING_FUNCTION ? 1 : 0;
                    model -= item.machineSource() == LabelSource.LLM ? 1 : 0;
                }
                human += item.human() && counted ? 1 : 0;
            }
            long items = Sql.one(connection, itemCount, result -> result.getLong(1)).orElse(0L);
            return new LabelCounts(items, human, functions, model);
        });
    }

    /** An item the person labeled or a synthetic one, with the source its machine label has (null: none). */
    private record SetApart(boolean synthetic, boolean human, LabelSource machineSource) {
        static SetApart read(ResultSet result) throws SQLException {
            String source = result.getString(3);
            return new SetApart(result.getBoolean(1), result.getBoolean(2), source == null ? null : LabelSource.named(source));
        }
    }

    private static List<String> names(String functions) {
        return functions == null || functions.isEmpty() ? List.of() : Arrays.asList(functions.split("\n"));
    }

    @Override
    public double[] machineConfidences(String schemaName) {
        return database.read("read the machine labels' confidence", connection -> {
            DoubleStream.Builder values = DoubleStream.builder();
            Sql.each(connection, "SELECT confidence FROM " + view
                    + " WHERE source IN ('llm', 'labeling_function') AND schema_name = ? ORDER BY " + IMPORT_ORDER,
                    result -> result.getDouble(1), values::add, schemaName);
            return values.build().toArray();
        });
    }

    @Override
    public void forEach(Consumer<LabeledRow> consumer) {
        database.read("read the labels", connection -> {
            Sql.each(connection, "SELECT item_id, schema_name, value, source, confidence, made_by, phase, setup_version, "
                            + "created_at, labeler, pool, functions FROM " + view + " ORDER BY " + IMPORT_ORDER,
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
