package dev.solo.store;

import dev.solo.dataset.ImportSession;
import dev.solo.dataset.Item;
import dev.solo.dataset.SelectableItem;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

final class SqliteItems implements Items {
    private final Database database;

    SqliteItems(Database database) {
        this.database = database;
    }

    /** The dataset's items: every item less the synthetic ones (counted on their small index, not by a scan). */
    static final String DATASET_COUNT =
            "SELECT (SELECT count(*) FROM items) - (SELECT count(*) FROM items WHERE synthetic = 1)";

    @Override
    public long count() {
        return database.read("count the items", connection ->
                Sql.one(connection, DATASET_COUNT, result -> result.getLong(1)).orElse(0L));
    }

    @Override
    public long syntheticCount() {
        return database.read("count the synthetic items", connection ->
                Sql.one(connection, "SELECT count(*) FROM items WHERE synthetic = 1", result -> result.getLong(1)).orElse(0L));
    }

    @Override
    public Set<String> syntheticIds() {
        return database.read("read the synthetic items", connection -> new HashSet<>(
                Sql.list(connection, "SELECT id FROM items WHERE synthetic = 1", result -> result.getString(1))));
    }

    @Override
    public List<String> addSynthetic(String idPrefix, List<String> texts) {
        return database.write("save the generated items", connection -> {
            List<String> ids = new ArrayList<>();
            int next = Sql.one(connection, "SELECT count(*) FROM items WHERE synthetic = 1 AND id LIKE ? || '%'",
                    result -> result.getInt(1), idPrefix).orElse(0);
            for (String text : texts) {
                // A run resumed after a kill writes the same texts again (the answer is cached): keep their first ids.
                Optional<String> stored = Sql.one(connection,
                        "SELECT id FROM items WHERE synthetic = 1 AND id LIKE ? || '%' AND text = ?",
                        result -> result.getString(1), idPrefix, text);
                if (stored.isPresent()) {
                    ids.add(stored.get());
                    continue;
                }
                String id = idPrefix + (++next);
                Sql.execute(connection, "INSERT INTO items(id, text, source_line, import_run, synthetic) VALUES (?, ?, 0, 0, 1)",
                        id, text);
                ids.add(id);
            }
            return ids;
        });
    }

    @Override
    public Item item(String id) {
        return database.read("read an item", connection -> Sql.one(connection, "SELECT id, text, fields FROM items WHERE id = ?",
                result -> new Item(result.getString(1), result.getString(2), result.getString(3)), id))
                .orElseThrow(() -> new IllegalArgumentException("no item with id " + id));
    }

    @Override
    public Map<String, String> texts(Collection<String> itemIds) {
        return database.read("read item texts", connection -> {
            Map<String, String> texts = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT text FROM items WHERE id = ?")) {
                for (String id : itemIds) {
                    statement.setString(1, id);
                    try (ResultSet result = statement.executeQuery()) {
                        if (!result.next()) {
                            throw new IllegalArgumentException("no item with id " + id);
                        }
                        texts.put(id, result.getString(1));
                    }
                }
            }
            return texts;
        });
    }

    @Override
    public void forEachText(BiConsumer<String, String> idAndText) {
        database.read("read the items", connection -> {
            Sql.each(connection, "SELECT id, text FROM items WHERE synthetic = 0 ORDER BY seq",
                    result -> Map.entry(result.getString(1), result.getString(2)),
                    entry -> idAndText.accept(entry.getKey(), entry.getValue()));
            return null;
        });
    }

    @Override
    public List<SelectableItem> selectable(String stratifyField) {
        String stratum = stratifyField == null ? "NULL" : "json_extract(fields, ?)";
        Object[] parameters = stratifyField == null ? new Object[0]
                : new Object[] {"$.\"" + stratifyField.replace("\"", "") + "\""};
        return database.read("read the items", connection -> {
            List<SelectableItem> items = new ArrayList<>();
            Sql.each(connection, "SELECT id, length(text), " + stratum + " FROM items WHERE synthetic = 0 ORDER BY seq",
                    result -> new SelectableItem(result.getString(1), result.getInt(2), result.getString(3)),
                    items::add, parameters);
            return items;
        });
    }

    @Override
    public ImportSession beginImport() {
        Database.OpenWrite write = database.openWrite("import the data files");
        try {
            int run = Sql.one(write.connection(), "SELECT coalesce(max(import_run), 0) + 1 FROM items",
                    result -> result.getInt(1)).orElse(1);
            return new SqliteItemImport(write, run);
        } catch (SQLException e) {
            write.close();
            throw database.failure("start the import", e);
        } catch (RuntimeException e) {
            write.close();
            throw e;
        }
    }
}
