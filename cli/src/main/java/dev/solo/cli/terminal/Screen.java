package dev.solo.cli.terminal;

import java.util.List;
import org.jline.utils.AttributedString;

/**
 * One question to the person, drawn in the shared frame (see {@link Frame}): what it shows for a
 * terminal size, and what its keys do. A screen holds the state of its question (the selection,
 * decisions so far); the {@link TerminalSession} owns the terminal.
 */
interface Screen<T> {

    /** The two lines above the body: where the work stands. */
    List<AttributedString> top(int columns);

    /** The main area, as many lines as it needs; the frame keeps {@code rows} of them in view. */
    List<AttributedString> body(int columns, int rows);

    /** Lines between the body and the keys, always in view (why chosen, counts); may be empty. */
    List<AttributedString> details(int columns);

    /** The screen's keys; the footer and help are generated from them. */
    KeyTable<T> keys();

    /** The request's one-line message, shown dim at the bottom; may be empty. */
    String message();

    /** What the screen returns when the person interrupts (Ctrl-C, Ctrl-D, end of input). */
    T interrupted();
}
