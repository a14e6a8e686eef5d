package dev.solo.cli.terminal;

import dev.solo.human.Annotator;
import dev.solo.human.Answer;
import dev.solo.human.GuidelineDecisions;
import dev.solo.human.GuidelineEditsRequest;
import dev.solo.human.LabelRequest;
import dev.solo.human.LabelingFunctionChoice;
import dev.solo.human.LabelingFunctionsRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * A person labeling in a full-screen terminal: one key per answer, redrawn on resize. Runs on the
 * alternate screen and restores the terminal on close.
 */
public final class TerminalAnnotator implements Annotator, AutoCloseable {
    private static final int NOTICES_SHOWN = 3;
    private static final int CTRL_C = 3;
    private static final int CTRL_D = 4;
    private static final long POLL_MILLIS = 100;

    private final Terminal terminal;
    private final String name;
    private final Attributes original;
    private final Display display;
    private final Deque<String> notices = new ArrayDeque<>();
    private volatile boolean resized;
    private volatile boolean interrupted;
    private LabelRequest current;
    private boolean keysTypedWhileWorking;
    private LabelingScreen.Overlay overlay = LabelingScreen.Overlay.NONE;

    public TerminalAnnotator(Terminal terminal, String name) {
        this.terminal = terminal;
        this.name = name;
        this.original = terminal.enterRawMode();
        this.display = new Display(terminal, true);
        terminal.puts(Capability.enter_ca_mode);
        // Display draws from the top-left corner: start from a clear screen there.
        terminal.puts(Capability.clear_screen);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.handle(Terminal.Signal.WINCH, signal -> resized = true);
        terminal.handle(Terminal.Signal.INT, signal -> interrupted = true);
        terminal.flush();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Answer ask(LabelRequest request) {
        if (request.scheme().labels().size() > LabelKeys.MAX_LABELS) {
            throw new IllegalStateException("the terminal has keys for " + LabelKeys.MAX_LABELS + " labels at most");
        }
        current = request;
        overlay = LabelingScreen.Overlay.NONE;
        if (keysTypedWhileWorking) {
            keysTypedWhileWorking = false;
            discardPendingKeys();
        }
        redraw();
        try {
            return awaitAnswer(request);
        } finally {
            // Until the next item, the screen belongs to whatever automatic work runs meanwhile.
            current = null;
        }
    }

    private Answer awaitAnswer(LabelRequest request) {
        NonBlockingReader reader = terminal.reader();
        while (true) {
            int key = readKey(reader);
            if (resized) {
                resized = false;
                redraw();
            }
            if (interrupted || key == CTRL_C || key == CTRL_D || key == NonBlockingReader.EOF) {
                return Answer.quit();
            }
            if (key == NonBlockingReader.READ_EXPIRED) {
                continue;
            }
            if (overlay != LabelingScreen.Overlay.NONE) {
                overlay = LabelingScreen.Overlay.NONE;
                redraw();
                continue;
            }
            Optional<Answer> answer = LabelKeys.answerFor(key, request.scheme().labels());
            if (answer.isPresent()) {
                return answer.get();
            }
            switch (Character.toLowerCase(key)) {
                case '?', 'h' -> overlay = LabelingScreen.Overlay.HELP;
                case 'g' -> overlay = LabelingScreen.Overlay.GUIDELINES;
                default -> notice("Key '" + printable(key) + "' does nothing here; press ? for help.");
            }
            redraw();
        }
    }

    @Override
    public GuidelineDecisions review(GuidelineEditsRequest request) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public LabelingFunctionChoice choose(LabelingFunctionsRequest request) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void announce(String message) {
        notice(message);
        // Keys typed at the working screen were typed blind: they must not answer the next item.
        keysTypedWhileWorking = current == null;
        redraw();
    }

    private void discardPendingKeys() {
        NonBlockingReader reader = terminal.reader();
        try {
            while (reader.read(1) >= 0) {
                // dropped
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keyboard", e);
        }
    }

    private void notice(String message) {
        notices.addLast(message);
        while (notices.size() > NOTICES_SHOWN) {
            notices.removeFirst();
        }
    }

    private int readKey(NonBlockingReader reader) {
        try {
            return reader.read(POLL_MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keyboard", e);
        }
    }

    private void redraw() {
        int columns = Math.max(20, terminal.getWidth());
        int rows = Math.max(10, terminal.getHeight());
        display.resize(rows, columns);
        display.update(current == null
                ? LabelingScreen.working(List.copyOf(notices), columns)
                : LabelingScreen.render(current, List.copyOf(notices), overlay, columns, rows), -1);
        terminal.flush();
    }

    private static String printable(int key) {
        return key < 32 ? "^" + (char) (key + 64) : String.valueOf((char) key);
    }

    @Override
    public void close() {
        terminal.puts(Capability.cursor_visible);
        terminal.puts(Capability.keypad_local);
        terminal.puts(Capability.exit_ca_mode);
        terminal.setAttributes(original);
        terminal.flush();
    }
}
