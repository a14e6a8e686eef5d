package dev.solo.cli.terminal;

import dev.solo.human.Annotator;
import dev.solo.human.Answer;
import dev.solo.human.GuidelineDecisions;
import dev.solo.human.GuidelineEditsRequest;
import dev.solo.human.LabelRequest;
import dev.solo.human.LabelingFunctionChoice;
import dev.solo.human.LabelingFunctionsRequest;
import org.jline.terminal.Terminal;

/**
 * A person answering in a full-screen terminal: each request becomes a screen in one session,
 * which runs on the alternate screen and restores the terminal on close.
 */
public final class TerminalAnnotator implements Annotator, AutoCloseable {
    private final TerminalSession session;
    private final String name;

    /** Edits go to {@code $EDITOR}. */
    public TerminalAnnotator(Terminal terminal, String name) {
        this(terminal, name, ExternalEditor.fromEnvironment());
    }

    TerminalAnnotator(Terminal terminal, String name, ExternalEditor editor) {
        this.session = new TerminalSession(terminal, editor);
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Answer ask(LabelRequest request) {
        return session.run(new LabelingScreen(request));
    }

    @Override
    public GuidelineDecisions review(GuidelineEditsRequest request) {
        return session.run(new GuidelineReviewScreen(request, session, name));
    }

    @Override
    public LabelingFunctionChoice choose(LabelingFunctionsRequest request) {
        return session.run(new FunctionReviewScreen(request, session, name));
    }

    @Override
    public void announce(String message) {
        session.announce(message);
    }

    @Override
    public void close() {
        session.close();
    }
}
