package dev.solo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One bad input or fault of the catalog: how to make it in a copy of the reviews task, the
 * command that meets it, and what that command must answer.
 *
 * @param name      what is wrong, as the test report shows it
 * @param started   whether the task has been started (and so has a state file) before the fault
 * @param fault     breaks the task in {@code dir} and returns the command's arguments
 * @param exit      the exit code expected
 * @param file      a fragment of the file the message must name
 * @param line      the line the message must name; 0 when the problem concerns a whole file
 */
record BadInput(String name, boolean started, Fault fault, int exit, String file, int line) {

    /** Breaks the task whose folder is {@code dir} and config {@code config}; returns the command to run. */
    @FunctionalInterface
    interface Fault {
        String[] apply(Path dir, Path config) throws Exception;
    }

    @Override
    public String toString() {
        return name;
    }

    static BadInput fresh(String name, Fault fault, int exit, String file, int line) {
        return new BadInput(name, false, fault, exit, file, line);
    }

    static BadInput started(String name, Fault fault, int exit, String file, int line) {
        return new BadInput(name, true, fault, exit, file, line);
    }

    /** Replaces {@code from} by {@code to} in {@code file}, failing if {@code from} is not there. */
    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as("%s no longer contains %s", file, from).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    /** The 1-based line of {@code file} where {@code fragment} first appears. */
    static int lineOf(Path file, String fragment) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(fragment)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(file + " has no line with " + fragment);
    }

    /** Appends raw bytes to {@code file}. */
    static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, java.nio.file.StandardOpenOption.APPEND);
    }

    /** {@code text} with the Latin-1 byte for é in place of each {@code #}: not UTF-8. */
    static byte[] latin1(String text) {
        return text.replace('#', 'é').getBytes(StandardCharsets.ISO_8859_1);
    }

    static String[] start(Path config, Path dir) {
        return new String[] {"start", config.toString(), "--oracle", dir.resolve("gold.jsonl").toString()};
    }

    static String[] status(Path config) {
        return new String[] {"status", "--config", config.toString()};
    }

    static String[] args(String... args) {
        return args;
    }
}
