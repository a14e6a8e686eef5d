package dev.solo.store;

import dev.solo.dataset.ImportOutcome;
import dev.solo.dataset.ImportSession;
import dev.solo.dataset.SourcedItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One import in one transaction, holding the store's write lock until closed. */
final class SqliteItemImport implements ImportSession {
    private final Database.OpenWrite write;
    private final int run;
    private final PreparedStatement findItem;
    private final PreparedStatement insertItem;

    SqliteItemImport(Database.OpenWrite write, int run) throws SQLException {
        this.write = write;
        this.run = run;
        Connection connection = write.connection();
        this.findItem = connection.prepareStatement(
                "SELECT text, source_file, source_line, import_run FROM items WHERE id = ?");
        this.insertItem = connection.prepareStatement(
                "INSERT INTO items(id, text, fields, source_file, source_line, import_run) VALUES (?, ?, ?, ?, ?, ?)");
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
                    sourced.file().toString(), sourced.line(), run);
            insertItem.executeUpdate();
            return ImportOutcome.ADDED;
        } catch (SQLException e) {
            throw write.failure(e);
        }
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
    public void commit() {
        write.commit();
    }

    @Override
    public void close() {
        try {
            findItem.close();
            insertItem.close();
        } catch (SQLException e) {
            throw write.failure(e);
        } finally {
            write.close();
        }
    }
}
