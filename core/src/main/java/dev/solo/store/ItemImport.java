package dev.solo.store;

import dev.solo.dataset.SourcedItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One import of data files into the store, in one transaction: either every new item of every
 * file is added, or (on any error, or if {@link #commit()} is never called) nothing is.
 */
public final class ItemImport implements AutoCloseable {
    private final Connection connection;
    private final int run;
    private final PreparedStatement findItem;
    private final PreparedStatement insertItem;
    private boolean committed;

    ItemImport(Connection connection, int run) throws SQLException {
        this.connection = connection;
        this.run = run;
        this.findItem = connection.prepareStatement(
                "SELECT text, source_file, source_line, import_run FROM items WHERE id = ?");
        this.insertItem = connection.prepareStatement(
                "INSERT INTO items(id, text, fields, source_file, source_line, import_run) VALUES (?, ?, ?, ?, ?, ?)");
    }

    /** What became of an offered item; for a duplicate, where the id was first seen. */
    public record Outcome(Kind kind, String firstFile, long firstLine) {
        static final Outcome ADDED = new Outcome(Kind.ADDED, null, 0);
        static final Outcome ALREADY_STORED = new Outcome(Kind.ALREADY_STORED, null, 0);
        static final Outcome TEXT_CHANGED = new Outcome(Kind.TEXT_CHANGED, null, 0);
    }

    public enum Kind {
        ADDED,
        ALREADY_STORED,
        /** A known id whose text in the file differs from the stored one; the stored text is kept. */
        TEXT_CHANGED,
        /** The same id appeared earlier in this very import. */
        DUPLICATE
    }

    /** True if the file has the size and modification time it had when last imported. */
    public boolean fileUnchanged(String path, long size, long modified) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM data_files WHERE path = ? AND size = ? AND modified = ?")) {
            statement.setString(1, path);
            statement.setLong(2, size);
            statement.setLong(3, modified);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the data file records: " + e.getMessage(), e);
        }
    }

    public Outcome offer(SourcedItem sourced) {
        try {
            findItem.setString(1, sourced.item().id());
            try (ResultSet existing = findItem.executeQuery()) {
                if (existing.next()) {
                    if (existing.getInt(4) == run) {
                        return new Outcome(Kind.DUPLICATE, existing.getString(2), existing.getLong(3));
                    }
                    return existing.getString(1).equals(sourced.item().text())
                            ? Outcome.ALREADY_STORED : Outcome.TEXT_CHANGED;
                }
            }
            insertItem.setString(1, sourced.item().id());
            insertItem.setString(2, sourced.item().text());
            insertItem.setString(3, sourced.item().fieldsJson());
            insertItem.setString(4, sourced.file().toString());
            insertItem.setLong(5, sourced.line());
            insertItem.setInt(6, run);
            insertItem.executeUpdate();
            return Outcome.ADDED;
        } catch (SQLException e) {
            throw new StoreException("cannot import item " + sourced.item().id() + ": " + e.getMessage(), e);
        }
    }

    public void recordFile(String path, long size, long modified) {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO data_files(path, size, modified) VALUES (?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET size = excluded.size, modified = excluded.modified""")) {
            statement.setString(1, path);
            statement.setLong(2, size);
            statement.setLong(3, modified);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record data file " + path + ": " + e.getMessage(), e);
        }
    }

    public void commit() {
        try {
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            throw new StoreException("cannot commit the import: " + e.getMessage(), e);
        }
    }

    /** Rolls back unless committed, and returns the connection to auto-commit. */
    @Override
    public void close() {
        try {
            findItem.close();
            insertItem.close();
            if (!committed) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException("cannot finish the import: " + e.getMessage(), e);
        }
    }
}
