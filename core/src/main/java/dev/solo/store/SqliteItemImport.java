package dev.solo.store;

import dev.solo.dataset.ImportOutcome;
import dev.solo.dataset.ImportSession;
import dev.solo.dataset.SourcedItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One import in one transaction, holding the store's write lock until closed. */
final class SqliteItemImport implements ImportSession {
    private final Database.OpenWrite write;
    private final int run;
    private final PreparedStatement findItem;
    private final PreparedStatement insertItem;
    private final PreparedStatement markSeen;
    private final Map<String, Long> sourceFiles = new HashMap<>();

    SqliteItemImport(Database.OpenWrite write, int run) throws SQLException {
        this.write = write;
        this.run = run;
        Connection connection = write.connection();
        this.findItem = connection.prepareStatement(
                "SELECT i.text, s.path, i.source_line, i.import_run FROM items i "
                        + "LEFT JOIN source_files s ON s.id = i.source_file_id WHERE i.id = ?");
        this.insertItem = connection.prepareStatement(
                "INSERT INTO items(id, text, fields, source_file_id, source_line, import_run) VALUES (?, ?, ?, ?, ?, ?)");
        // The ids read in this import, to find labeled records deleted from a data file. A TEMP
        // table lives beside the connection, never in the task's file.
        Sql.execute(connection, "CREATE TEMP TABLE IF NOT EXISTS import_seen (id TEXT PRIMARY KEY)");
        Sql.execute(connection, "DELETE FROM import_seen");
        this.markSeen = connection.prepareStatement("INSERT OR IGNORE INTO import_seen(id) VALUES (?)");
    }

    @Override
    public boolean fileUnchanged(String path, long size, long modified) {
        try {
            return Sql.one(write.connection(), "SELECT 1 FROM data_files WHERE path = ? AND size = ? AND modified = ?",
                    result -> true, path, size, modified).isPresent();
        } catch (SQLException e) {
            throw write.failure(e);
        }
    }

    @Override
    public ImportOutcome offer(SourcedItem sourced) {
        try {
            markSeen.setString(1, sourced.item().id());
            markSeen.executeUpdate();
            findItem.setString(1, sourced.item().id());
            try (ResultSet existing = findItem.executeQuery()) {
                if (existing.next()) {
                    if (existing.getInt(4) == run) {
                        return new ImportOutcome(ImportOutcome.Kind.DUPLICATE, existing.getString(2), existing.getLong(3));
                    }
                    return existing.getString(1).equals(sourced.item().text())
                            ? ImportOutcome.ALREADY_STORED : ImportOutcome.TEXT_CHANGED;
                }
            }
            Sql.bind(insertItem, sourced.item().id(), sourced.item().text(), sourced.item().fieldsJson(),
                    sourceFileId(sourced.file().toString()), sourced.line(), run);
            insertItem.executeUpdate();
            return ImportOutcome.ADDED;
        } catch (SQLException e) {
            throw write.failure(e);
        }
    }

    /** The id of a data file's path, stored once for all its items. */
    private long sourceFileId(String path) throws SQLException {
        Long known = sourceFiles.get(path);
        if (known != null) {
            return known;
        }
        Connection connection = write.connection();
        Sql.execute(connection, "INSERT OR IGNORE INTO source_files(path) VALUES (?)", path);
        long id = Sql.one(connection, "SELECT id FROM source_files WHERE path = ?", result -> result.getLong(1), path)
                .orElseThrow();
        sourceFiles.put(path, id);
        return id;
    }

    @Override
    public void recordFile(String path, long size, long modified) {
        try {
            Sql.execute(write.connection(), """
                    INSERT INTO data_files(path, size, modified) VALUES (?, ?, ?)
                    ON CONFLICT(path) DO UPDATE SET size = excluded.size, modified = excluded.modified""",
                    path, size, modified);
        } catch (SQLException e) {
            throw write.failure(e);
        }
    }

    @Override
    public MissingItems labeledButMissing(List<String> unchangedFiles, int kept) {
        long count = 0;
        List<String> firstIds = new ArrayList<>();
        try {
            Sql.execute(write.connection(), "CREATE TEMP TABLE IF NOT EXISTS import_unchanged (path TEXT PRIMARY KEY)");
            Sql.execute(write.connection(), "DELETE FROM import_unchanged");
            for (String file : unchangedFiles) {
                Sql.execute(write.connection(), "INSERT OR IGNORE INTO import_unchanged(path) VALUES (?)", file);
            }
            String missing = """
                    SELECT DISTINCT i.id, i.seq FROM items i JOIN human_labels_in_force h ON h.item_id = i.id
                    JOIN source_files s ON s.id = i.source_file_id
                    WHERE i.id NOT IN (SELECT id FROM import_seen)
                      AND s.path NOT IN (SELECT path FROM import_unchanged) ORDER BY i.seq""";
            try (PreparedStatement query = write.connection().prepareStatement(missing);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    count++;
                    if (firstIds.size() < kept) {
                        firstIds.add(rows.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw write.failure(e);
        }
        return new MissingItems(count, firstIds);
    }

    @Override
    public void commit() {
        write.commit();
    }

    @Override
    public void close() {
        try {
            findItem.close();
            insertItem.close();
            markSeen.close();
        } catch (SQLException e) {
            throw write.failure(e);
        } finally {
            write.close();
        }
    }
}
