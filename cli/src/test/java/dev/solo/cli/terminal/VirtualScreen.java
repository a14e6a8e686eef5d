package dev.solo.cli.terminal;

import static org.assertj.core.api.Assertions.fail;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.jline.utils.ScreenTerminal;
import org.jline.utils.ScreenTerminalOutputStream;

/**
 * What a person sees: the terminal's output bytes played through JLine's VT100 emulator. The raw
 * byte stream is no good for assertions, because JLine's Display rewrites only the changed tail
 * of a line, so awaited text may never appear whole in it.
 */
final class VirtualScreen {
    private static final long TIMEOUT_MILLIS = 5_000;
    private static final long SETTLE_MILLIS = 40;

    private final ScreenTerminal screen;
    private final ScreenTerminalOutputStream output;

    VirtualScreen(int columns, int rows) {
        screen = new ScreenTerminal(columns, rows);
        output = new ScreenTerminalOutputStream(screen, StandardCharsets.UTF_8, null);
    }

    /** Where the terminal under test writes. */
    OutputStream output() {
        return output;
    }

    /** The screen's rows, trailing spaces dropped, one per line. */
    String text() {
        int columns = screen.getColumns();
        int rows = screen.getRows();
        long[] cells = new long[columns * rows];
        screen.dump(cells, new int[2]);
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < columns; column++) {
                int codePoint = ScreenTerminal.cellCodePoint(cells[row * columns + column]);
                line.appendCodePoint(codePoint == 0 ? ' ' : codePoint);
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** The screen once it shows {@code expected}; fails with what it shows after five seconds. */
    String awaitShowing(String expected) {
        return await(text -> text.contains(expected), "to show '" + expected + "'");
    }

    /** The screen once {@code gone} is no longer on it. */
    String awaitNotShowing(String gone) {
        return await(text -> !text.contains(gone), "to stop showing '" + gone + "'");
    }

    /**
     * Whether the screen still shows {@code text} a moment later: the emulator may have been fed
     * half a frame, since the terminal's output reaches it in pieces.
     */
    private boolean settled(String text) {
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text().equals(text);
    }

    private String await(Predicate<String> condition, String what) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        String text = text();
        while (!condition.test(text) || !settled(text)) {
            if (System.currentTimeMillis() > deadline) {
                fail("expected the screen " + what + "; it shows:\n" + text);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for the screen " + what);
            }
            text = text();
        }
        return text;
    }
}
