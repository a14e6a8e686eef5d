package dev.solo.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The task's SQLite file and the only owner of its connections, pragmas, migrations,
 * transactions and threading. Writes go through one connection, one at a time (a fair lock, so
 * a human label waits at most for the write in progress, never behind a queue of model writes),
 * each in its own transaction that commits before {@link #write} returns. Reads use separate
 * connections, one per reading thread, so a long scan on one thread neither blocks nor sees half
 * of a write on another: WAL gives every read a committed snapshot. A read on the thread that
 * holds the write lock uses the writer's connection and sees its own uncommitted changes.
 */
final class Database implements AutoCloseable {
    /** Read connections kept open for reuse; more are opened when more threads read at once. */
    private static final int IDLE_READERS_KEPT = 4;

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final FileIdentity identity;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Deque<Connection> idleReaders = new ArrayDeque<>();
    private final ThreadLocal<Connection> readerOfThread = new ThreadLocal<>();
    private volatile boolean closed;

    private Database(Path file, Connection writer) throws IOException {
        this.file = file;
        this.writer = writer;
        this.identity = FileIdentity.of(file);
    }

    /** Opens the file, creating it and applying pending migrations. */
    static Database open(Path file) {
        if (Files.isRegularFile(file) && size(file) > 0) {
            StateFileCheck.readable(file);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection writer = connect(file, true);
            try (Statement statement = writer.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                // FULL: a committed human label is on disk before the next item is shown.
                statement.execute("PRAGMA synchronous = FULL");
            }
            Migrations.apply(writer);
            return new Database(file, writer);
        } catch (SQLException e) {
            throw SqliteFailure.of(file, "open the task state", e);
        } catch (IOException e) {
            throw StateFileCheck.unreadable(file, e);
        }
    }

    /**
     * Opens a file an earlier start wrote, as it is: nothing is created or migrated (reading
     * commands must leave a task's state exactly as they found it). Throws
     * {@link StateFileException} when the file is not a task state this solo can read.
     */
    static Database openAsIs(Path file) {
        StateFileCheck.readable(file);
        try {
            Connection connection = connect(file, false);
            int version = Migrations.currentVersion(connection);
            if (version != Migrations.latestVersion()) {
                connection.close();
                throw StateFileCheck.otherVersion(file, version);
            }
            return new Database(file, connection);
        } catch (SQLException | IOException e) {
            throw StateFileCheck.unreadable(file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw StateFileCheck.unreadable(file, e);
        }
    }

    private static Connection connect(Path file, boolean create) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("PRAGMA busy_timeout = 5000");
        }
        return connection;
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} as one transaction: committed when it returns, rolled back when it throws. */
    <T> T write(String action, Work<T> work) {
        return write(action, work, true);
    }

    /**
     * As {@link #write}, for what is computed again after a crash (the model's labels): the commit
     * is atomic but not flushed to disk (synchronous=NORMAL, a few ms saved per transaction); the
     * next synced commit, a human label's, flushes it too. A killed process loses nothing, since
     * the operating system holds the write; only a power cut may undo it, never corrupt the file.
     */
    <T> T writeRecomputable(String action, Work<T> work) {
        return write(action, work, false);
    }

    private <T> T write(String action, Work<T> work, boolean synced) {
        writeLock.lock();
        try {
            if (writeLock.getHoldCount() > 1) {
                // Inside an open write (an import): part of that transaction.
                return work.run(writer);
            }
            checkStillTheTaskFile();
            if (!synced) {
                Sql.execute(writer, "PRAGMA synchronous = NORMAL");
            }
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                checkStillTheTaskFile();
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
                if (!synced) {
                    Sql.execute(writer, "PRAGMA synchronous = FULL");
                }
            }
        } catch (SQLException e) {
            throw failure(action, e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Opens a transaction that stays open, holding the write lock, until the returned handle is
     * closed; {@link OpenWrite#commit()} makes it durable, closing without it rolls it back.
     */
    OpenWrite openWrite(String action) {
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            return new OpenWrite(action);
        } catch (SQLException e) {
            writeLock.unlock();
            throw failure(action, e);
        }
    }

    /** A transaction held open across calls (an import). */
    final class OpenWrite implements AutoCloseable {
        private final String action;
        private boolean committed;

        private OpenWrite(String action) {
            this.action = action;
        }

        Connection connection() {
            return writer;
        }

        /** The failure of a statement run inside this transaction, in plain words. */
        StoreException failure(SQLException e) {
            return Database.this.failure(action, e);
        }

        void commit() {
            try {
                checkStillTheTaskFile();
                writer.commit();
                committed = true;
            } catch (SQLException e) {
                throw Database.this.failure(action, e);
            }
        }

        @Override
        public void close() {
            try {
                if (!committed) {
                    writer.rollback();
                }
                writer.setAutoCommit(true);
            } catch (SQLException e) {
                throw Database.this.failure(action, e);
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** Runs {@code work} on this thread's read connection (the writer's, inside a write). */
    <T> T read(String action, Work<T> work) {
        try {
            if (writeLock.isHeldByCurrentThread()) {
                return work.run(writer);
            }
            Connection own = readerOfThread.get();
            if (own != null) {
                return work.run(own);
            }
            Connection reader = borrowReader();
            readerOfThread.set(reader);
            try {
                return work.run(reader);
            } finally {
                readerOfThread.remove();
                returnReader(reader);
            }
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    private Connection borrowReader() throws SQLException {
        synchronized (idleReaders) {
            if (closed) {
                throw new SQLException("the task state is closed");
            }
            Connection idle = idleReaders.pollFirst();
            if (idle != null) {
                return idle;
            }
        }
        Connection reader = connect(file, false);
        try (Statement statement = reader.createStatement()) {
            statement.execute("PRAGMA query_only = ON");
        }
        return reader;
    }

    private void returnReader(Connection reader) throws SQLException {
        synchronized (idleReaders) {
            if (!closed && idleReaders.size() < IDLE_READERS_KEPT) {
                idleReaders.addFirst(reader);
                return;
            }
        }
        reader.close();
    }

    /** A commit into a file deleted or replaced under the store would land nowhere anyone can read. */
    private void checkStillTheTaskFile() {
        if (!identity.stillNamedBy(file)) {
            throw StateFileCheck.replacedWhileRunning(file);
        }
    }

    /** Writes a consistent copy of the whole file to {@code target} (VACUUM INTO runs outside a transaction). */
    void copyTo(Path target) {
        writeLock.lock();
        try {
            Sql.execute(writer, "VACUUM INTO ?", target.toAbsolutePath().toString());
        } catch (SQLException e) {
            throw failure("copy the task state", e);
        } finally {
            writeLock.unlock();
        }
    }

    StoreException failure(String action, SQLException e) {
        return SqliteFailure.of(file, action, e);
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            synchronized (idleReaders) {
                closed = true;
                for (Connection reader : idleReaders) {
                    reader.close();
                }
                idleReaders.clear();
            }
            writer.close();
        } catch (SQLException e) {
            throw failure("close the task state", e);
        } finally {
            writeLock.unlock();
        }
    }
}
