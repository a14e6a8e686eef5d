package dev.solo.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite's result codes said in plain words, with what to do, naming the state file: what the
 * person sees instead of {@code [SQLITE_CORRUPT] The database disk image is malformed}.
 */
final class SqliteFailure {
    private SqliteFailure() {
    }

    /** The exception to throw when {@code action} on {@code file} failed with {@code e}. */
    static StoreException of(Path file, String action, SQLException e) {
        String folder = String.valueOf(file.getParent());
        String what = switch (family(e)) {
            case "SQLITE_CORRUPT" -> "the task state " + file + " is damaged (the SQLite file is malformed); restore it "
                    + "from a backup, or delete " + folder + " to start the task over";
            case "SQLITE_NOTADB" -> file + " is not a solo task state (not an SQLite database); restore it from a "
                    + "backup, or delete " + folder + " to start the task over";
            case "SQLITE_READONLY" -> "cannot " + action + ": the task state " + file + " is read-only; make it and "
                    + folder + " writable (chmod u+w), then run the command again";
            case "SQLITE_FULL" -> "cannot " + action + ": no space left on the disk that holds " + file + "; free "
                    + "some space, then run the command again (every label committed before is kept)";
            case "SQLITE_IOERR" -> "cannot " + action + ": the disk failed to read or write " + file + " (often a full "
                    + "disk); free some space or check the disk, then run the command again (every label committed "
                    + "before is kept)";
            case "SQLITE_CANTOPEN" -> "cannot open the task state " + file + "; check that " + folder + " is a "
                    + "folder you may write to";
            case "SQLITE_BUSY", "SQLITE_LOCKED" -> "cannot " + action + ": another program holds the task state " + file
                    + "; close it, then run the command again";
            case "SQLITE_PERM", "SQLITE_AUTH" -> "cannot " + action + ": permission denied on " + file + "; give your "
                    + "user access to it and " + folder;
            default -> "cannot " + action + " in " + file + " (" + plainMessage(e) + ")";
        };
        return new StoreException(what, e);
    }

    /** The result code's family: {@code SQLITE_IOERR_SHMSIZE} is an {@code SQLITE_IOERR}. */
    private static String family(SQLException e) {
        if (e instanceof SQLiteException sqlite && sqlite.getResultCode() != null) {
            SQLiteErrorCode code = sqlite.getResultCode();
            for (SQLiteErrorCode primary : SQLiteErrorCode.values()) {
                if (primary.code == (code.code & 0xFF)) {
                    return primary.name();
                }
            }
            return code.name();
        }
        return "";
    }

    /** The message without its {@code [SQLITE_...]} prefix. */
    private static String plainMessage(SQLException e) {
        String message = e.getMessage() == null ? "unknown error" : e.getMessage();
        return message.replaceFirst("^\\[SQLITE_\\w+]\\s*", "").replaceAll("[\\r\\n]+", " ");
    }
}
