package dev.solo.cli.terminal;

import dev.solo.human.Progress;
import dev.solo.human.SchemeView;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** A real JLine terminal on streams: keys go in, the screen a person sees comes out. */
final class TerminalUnderTest implements AutoCloseable {
    /** JLine logs the closing of its pty pump at WARNING; closing is what the tests do. */
    private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

    static {
        JLINE_LOG.setLevel(Level.OFF);
    }

    static final SchemeView SCHEME = new SchemeView("sentiment", "What is the overall sentiment of this review?",
            List.of("Positive", "Neutral", "Negative"));

    private final Keyboard keyboard;
    private final VirtualScreen screen;
    private final Terminal terminal;
    final TerminalAnnotator annotator;

    TerminalUnderTest(ExternalEditor editor) {
        this(editor, 100, 30);
    }

    TerminalUnderTest(ExternalEditor editor, int columns, int rows) {
        try {
            keyboard = new Keyboard();
            screen = new VirtualScreen(columns, rows);
            terminal = TerminalBuilder.builder().system(false).streams(keyboard, screen.output()).type("xterm-256color")
                    .encoding(StandardCharsets.UTF_8).size(new Size(columns, rows)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        annotator = new TerminalAnnotator(terminal, "tester", editor);
    }

    static Progress progress(Phase phase) {
        return Progress.of("Reviews", phase, 40);
    }

    /** Starts the question on another thread, as the person's answer arrives later. */
    <T> CompletableFuture<T> ask(Function<TerminalAnnotator, T> question) {
        return CompletableFuture.supplyAsync(() -> question.apply(annotator));
    }

    static <T> T answer(CompletableFuture<T> pending) throws Exception {
        return pending.get(5, TimeUnit.SECONDS);
    }

    /** Types the keys; "\r" is enter, "\033[B" the down arrow. */
    void type(String keys) {
        keyboard.type(keys.getBytes(StandardCharsets.UTF_8));
    }

    String shows(String text) {
        return screen.awaitShowing(text);
    }

    String stopsShowing(String text) {
        return screen.awaitNotShowing(text);
    }

    @Override
    public void close() throws IOException {
        annotator.close();
        keyboard.close();
        terminal.close();
    }
}
