package dev.solo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a failed file-system operation means, in plain words, with what to do: the operating
 * system's reason (permission denied, read-only file system, no space left, not a directory)
 * rather than the Java exception that carried it.
 */
public record FileProblem(Path file, String problem, String remedy) {

    /** Describes {@code e}; {@code fallback} names the file when the exception does not. */
    public static FileProblem of(IOException e, Path fallback) {
        Path file = fallback;
        if (e instanceof FileSystemException system && system.getFile() != null) {
            file = Path.of(system.getFile());
        }
        String reason = reason(e);
        String lower = reason.toLowerCase(Locale.ROOT);
        if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
            return new FileProblem(file, "permission denied",
                    "give your user access to it (e.g. chmod u+rw), or run solo as the user who owns it");
        }
        if (lower.contains("read-only file system")) {
            return new FileProblem(file, "the file system is read-only",
                    "copy the task to a writable folder, or remount the disk writable");
        }
        if (lower.contains("no space left") || lower.contains("disk quota")) {
            return new FileProblem(file, "no space left on the disk",
                    "free some space, then run the same command again; what was committed before is kept");
        }
        if (e instanceof NotDirectoryException || lower.contains("not a directory")) {
            return new FileProblem(file, "a file stands where a folder is needed (not a directory)",
                    "move that file away or choose another path");
        }
        if (e instanceof FileAlreadyExistsException) {
            return new FileProblem(file, "a file stands where a folder is needed",
                    "move that file away or choose another path");
        }
        if (lower.contains("is a directory")) {
            return new FileProblem(file, "is a directory, not a file", "give the path of a file");
        }
        if (e instanceof NoSuchFileException) {
            return new FileProblem(file, "not found", "check the path");
        }
        return new FileProblem(file, "cannot be read or written (" + reason + ")",
                "check the disk and the file's permissions, then run the command again");
    }

    /** Like {@link #of(IOException, Path)} for an {@link UncheckedIOException}. */
    public static FileProblem of(UncheckedIOException e, Path fallback) {
        return of(e.getCause(), fallback);
    }

    /** The operating system's reason, without the file name or any exception class name. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException system) {
            if (system.getReason() != null) {
                return system.getReason();
            }
            return e instanceof NoSuchFileException ? "no such file" : "file-system error";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "input/output error";
        }
        // "java.io.IOException: No space left on device" when wrapped: keep the words only.
        return message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ?", "").trim();
    }

    /** {@code file: problem (remedy)}, the one line the command line prints. */
    public String oneLine() {
        return (file == null ? "" : file + ": ") + problem + " (" + remedy + ")";
    }
}
