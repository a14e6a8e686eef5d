package dev.solo.cli.terminal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * The terminal for the length of a run: raw mode and the alternate screen, redrawn on resize, one
 * screen at a time, notices, and the editor. Between screens it shows the working frame; keys
 * typed there were typed blind and are dropped before the next screen.
 */
final class TerminalSession implements AutoCloseable {
    private static final int NOTICES_SHOWN = 3;
    private static final long POLL_MILLIS = 100;

    private final Terminal terminal;
    private final ExternalEditor editor;
    private final KeyReader keys;
    private final Display display;
    private final Deque<String> notices = new ArrayDeque<>();
    private Attributes original;
    private volatile boolean resized;
    private volatile boolean interrupted;
    private Screen<?> current;
    private List<String> overlay = List.of();
    private AttributedString prompt;
    private boolean keysTypedWhileWorking;

    TerminalSession(Terminal terminal, ExternalEditor editor) {
        this.terminal = terminal;
        this.editor = editor;
        this.keys = new KeyReader(terminal.reader());
        this.display = new Display(terminal, true);
        terminal.handle(Terminal.Signal.WINCH, signal -> resized = true);
        terminal.handle(Terminal.Signal.INT, signal -> interrupted = true);
        takeTerminal();
    }

    /** Shows the screen until one of its keys finishes it, and returns what it returned. */
    <T> T run(Screen<T> screen) {
        current = screen;
        overlay = List.of();
        if (keysTypedWhileWorking) {
            keysTypedWhileWorking = false;
            keys.discardPending();
        }
        redraw();
        try {
            while (true) {
                String key = keys.read(POLL_MILLIS);
                if (resized) {
                    resized = false;
                    redraw();
                }
                if (interrupted || isInterrupt(key)) {
                    interrupted = false;
                    return screen.interrupted();
                }
                if (key == null) {
                    continue;
                }
                if (!overlay.isEmpty()) {
                    overlay = List.of();
                } else {
                    Optional<T> done = press(screen, key);
                    if (done.isPresent()) {
                        return done.get();
                    }
                }
                redraw();
            }
        } finally {
            // Until the next screen, the terminal belongs to whatever automatic work runs meanwhile.
            current = null;
            overlay = List.of();
        }
    }

    private <T> Optional<T> press(Screen<T> screen, String key) {
        Optional<KeyTable.Binding<T>> binding = screen.keys().find(key);
        if (binding.isEmpty()) {
            notice("Key '" + key + "' does nothing here; press ? for help.");
            return Optional.empty();
        }
        Step<T> step = binding.get().action().get();
        if (step instanceof Step.Done<T> done) {
            return Optional.of(done.value());
        }
        if (step instanceof Step.Show<T> show) {
            overlay = show.text();
        }
        return Optional.empty();
    }

    /**
     * A line the person types at the foot of the current screen; empty if they press Esc or the
     * line is blank.
     */
    Optional<String> readLine(String label) {
        StringBuilder line = new StringBuilder();
        try {
            while (true) {
                prompt = promptLine(label, line.toString());
                redraw();
                String key = keys.read(POLL_MILLIS);
                if (key == null) {
                    continue;
                }
                switch (key) {
                    case "enter" -> {
                        return line.toString().isBlank() ? Optional.empty() : Optional.of(line.toString().strip());
                    }
                    case "esc", KeyReader.INTERRUPT, KeyReader.END, KeyReader.EOF -> {
                        return Optional.empty();
                    }
                    case "backspace" -> line.setLength(Math.max(0, line.length() - 1));
                    case "space" -> line.append(' ');
                    default -> {
                        if (key.length() == 1) {
                            line.append(key);
                        }
                    }
                }
            }
        } finally {
            prompt = null;
        }
    }

    /** The label, then as much of the typed text's end as fits, then the keys if they fit too. */
    private AttributedString promptLine(String label, String typed) {
        String hint = "   enter adds · esc cancels";
        int room = Math.max(10, terminal.getWidth() - label.length() - 4);
        String shown = typed.length() < room ? typed : "…" + typed.substring(typed.length() - room + 2);
        AttributedStringBuilder line = new AttributedStringBuilder().style(Frame.KEY).append(" " + label + " ")
                .style(Frame.BOLD).append(shown).append("█");
        if (shown.length() + hint.length() < room) {
            line.style(Frame.DIM).append(hint);
        }
        return line.toAttributedString();
    }

    /**
     * Hands the terminal to the editor on {@code text} and takes it back. Empty, with a notice
     * saying why, if the editor failed or the text came back blank or unchanged.
     */
    Optional<String> edit(String text) {
        releaseTerminal();
        // Stop reading the keyboard, so no key meant for the editor reaches a screen.
        terminal.pause();
        String edited;
        try {
            edited = editor.edit(text);
        } catch (ExternalEditor.Failure failure) {
            notice(failure.getMessage());
            return Optional.empty();
        } finally {
            terminal.resume();
            takeTerminal();
        }
        if (edited.isBlank()) {
            notice("The text came back empty; nothing changed.");
            return Optional.empty();
        }
        if (edited.strip().equals(text.strip())) {
            notice("The text came back unchanged; nothing changed.");
            return Optional.empty();
        }
        return Optional.of(edited.strip());
    }

    /** A notice in the frame: shown at once, kept for the next few frames. */
    void announce(String message) {
        notice(message);
        // Keys typed at the working screen were typed blind: they must not answer the next question.
        keysTypedWhileWorking = current == null;
        redraw();
    }

    void notice(String message) {
        notices.addLast(message);
        while (notices.size() > NOTICES_SHOWN) {
            notices.removeFirst();
        }
    }

    private static boolean isInterrupt(String key) {
        return KeyReader.INTERRUPT.equals(key) || KeyReader.END.equals(key) || KeyReader.EOF.equals(key);
    }

    private void redraw() {
        int columns = Math.max(20, terminal.getWidth());
        int rows = Math.max(10, terminal.getHeight());
        display.resize(rows, columns);
        List<String> shown = List.copyOf(notices);
        display.update(current == null
                ? Frame.working(shown, columns, rows)
                : Frame.compose(current, overlay, shown, prompt, columns, rows), -1);
        terminal.flush();
    }

    private void takeTerminal() {
        original = terminal.enterRawMode();
        terminal.puts(Capability.enter_ca_mode);
        // Display draws from the top-left corner: start from a clear screen there, and forget
        // what it drew before (the editor has drawn over it).
        terminal.puts(Capability.clear_screen);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        display.clear();
        terminal.flush();
        if (current != null) {
            redraw();
        }
    }

    private void releaseTerminal() {
        terminal.puts(Capability.cursor_visible);
        terminal.puts(Capability.keypad_local);
        terminal.puts(Capability.exit_ca_mode);
        terminal.setAttributes(original);
        terminal.flush();
    }

    @Override
    public void close() {
        releaseTerminal();
    }
}
