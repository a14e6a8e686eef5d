package dev.solo.store;

import dev.solo.FileProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;

/** What can be wrong with a task's state file, said in plain words with what to do. */
final class StateFileCheck {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private StateFileCheck() {
    }

    /** Throws unless {@code file} looks like a task state: a non-empty SQLite file. */
    static void readable(Path file) {
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (read == 0) {
            throw new StoreException("the task state " + file + " is empty, so writing it was cut off or another "
                    + "program emptied it; restore it from a backup, or delete " + file.getParent()
                    + " to start the task over", null);
        }
        if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
            throw new StoreException(file + " is not a solo task state (not an SQLite database); restore it from a "
                    + "backup, or delete " + file.getParent() + " to start the task over", null);
        }
    }

    static StoreException otherVersion(Path file, int version) {
        if (version > Migrations.latestVersion()) {
            return new StoreException("the task state " + file + " was written by a newer solo (schema " + version
                    + ", this solo knows " + Migrations.latestVersion() + "); use that solo or a newer one", null);
        }
        if (version == 0) {
            return new StoreException(file + " holds no solo task; restore it from a backup, or delete "
                    + file.getParent() + " to start the task over", null);
        }
        return new StoreException("the task state " + file + " was written by an earlier solo (schema " + version
                + "); run solo start once to bring it up to date", null);
    }

    static StoreException unreadable(Path file, Exception e) {
        if (e instanceof SQLException sql) {
            return SqliteFailure.of(file, "read the task state", sql);
        }
        if (e instanceof IOException io) {
            FileProblem problem = FileProblem.of(io, file);
            return new StoreException("cannot use the task state " + problem.oneLine(), e);
        }
        return new StoreException("cannot read the task state " + file, e);
    }

    static StoreException replacedWhileRunning(Path file) {
        return new StoreException("the task state " + file + " was deleted or replaced while solo was running: "
                + "what this run saved went with the old file, and nothing more was saved; if you moved the file, "
                + "put it back, then run solo start again", null);
    }
}
