package dev.solo.cli.terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The person's text editor, run on a temporary file: {@code $EDITOR} by default, or a command
 * given by the caller (tests pass a script). The command is run by {@code sh}, so
 * {@code EDITOR="code --wait"} works, with the file as its last argument.
 */
final class ExternalEditor {
    /** Why the editor gave no text; the message is shown to the person as it is. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    private final String command;

    /** @param command a shell command, or null when none is set */
    ExternalEditor(String command) {
        this.command = command == null || command.isBlank() ? null : command;
    }

    static ExternalEditor fromEnvironment() {
        return new ExternalEditor(System.getenv("EDITOR"));
    }

    /**
     * Runs the editor on {@code text} and returns the file's content afterwards. Blocks until the
     * editor exits; the caller gives it the terminal first.
     *
     * @throws Failure if no editor is set, it cannot start, or it exits non-zero
     */
    String edit(String text) throws Failure {
        if (command == null) {
            throw new Failure("$EDITOR is not set; set it (e.g. export EDITOR=nano) and try again.");
        }
        Path file = null;
        try {
            file = Files.createTempFile("solo-edit-", ".txt");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Process editor = new ProcessBuilder("sh", "-c", command + " \"$1\"", "sh", file.toString())
                    .inheritIO().start();
            int exit = editor.waitFor();
            if (exit != 0) {
                throw new Failure("The editor (" + command + ") exited with " + exit + "; nothing changed.");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure("Cannot run the editor (" + command + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("Interrupted while the editor ran; nothing changed.");
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover file in the temp folder harms nothing.
        }
    }
}
