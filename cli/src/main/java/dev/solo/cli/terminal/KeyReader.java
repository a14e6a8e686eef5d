package dev.solo.cli.terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jline.utils.NonBlockingReader;

/**
 * Reads one key as a name: the character itself for printable keys, else "enter", "space",
 * "backspace", "up", "down", "left", "right", "esc", "ctrl-c", "ctrl-d", "eof"; null when no
 * key came within the poll time. Arrows arrive as ESC [ A, or ESC O A in keypad mode.
 */
final class KeyReader {
    static final String INTERRUPT = "ctrl-c";
    static final String END = "ctrl-d";
    static final String EOF = "eof";
    /** An ESC that starts a sequence is followed at once; a lone ESC key is not. */
    private static final long SEQUENCE_MILLIS = 50;

    private final NonBlockingReader reader;

    KeyReader(NonBlockingReader reader) {
        this.reader = reader;
    }

    String read(long pollMillis) {
        int c = next(pollMillis);
        return switch (c) {
            case NonBlockingReader.READ_EXPIRED -> null;
            case NonBlockingReader.EOF -> EOF;
            case 3 -> INTERRUPT;
            case 4 -> END;
            case '\r', '\n' -> "enter";
            case ' ' -> "space";
            case 8, 127 -> "backspace";
            case 27 -> escape();
            default -> c < 32 ? "^" + (char) (c + 64) : String.valueOf((char) c);
        };
    }

    /** Drops every key already typed. */
    void discardPending() {
        while (next(1) >= 0) {
            // dropped
        }
    }

    private String escape() {
        // Peek, not read: a key typed right after a lone ESC is a key of its own.
        int introducer = peek(SEQUENCE_MILLIS);
        if (introducer != '[' && introducer != 'O') {
            return "esc";
        }
        next(SEQUENCE_MILLIS);
        int c = next(SEQUENCE_MILLIS);
        while (c >= '0' && c <= '9' || c == ';') {
            c = next(SEQUENCE_MILLIS);
        }
        return switch (c) {
            case 'A' -> "up";
            case 'B' -> "down";
            case 'C' -> "right";
            case 'D' -> "left";
            default -> "esc";
        };
    }

    private int peek(long millis) {
        try {
            return reader.peek(millis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keyboard", e);
        }
    }

    private int next(long millis) {
        try {
            return reader.read(millis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keyboard", e);
        }
    }
}
