package dev.solo.cli.terminal;

import dev.solo.human.Annotator;
import dev.solo.human.Answer;
import dev.solo.human.LabelRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The fallback when standard input is not a terminal: the item is printed and the answer read
 * as a line (a label's key or name, u, s, q). End of input means save and quit.
 */
public final class LineAnnotator implements Annotator {
    private final BufferedReader in;
    private final PrintStream out;
    private final String name;

    public LineAnnotator(BufferedReader in, PrintStream out, String name) {
        this.in = in;
        this.out = out;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Answer ask(LabelRequest request) {
        if (!request.message().isEmpty()) {
            out.println(request.message());
        }
        out.printf("%n[phase %d %s · %d/%d] id %s (%s)%n", request.phase().number(), request.phase().title(),
                request.done(), request.target(), request.item().id(), request.reason());
        out.println(request.item().text());
        StringBuilder choices = new StringBuilder();
        for (int i = 0; i < request.labels().size(); i++) {
            choices.append(LabelKeys.keyFor(i)).append('=').append(request.labels().get(i)).append("  ");
        }
        while (true) {
            out.print(choices + "u=undo s=skip q=quit > ");
            out.flush();
            String line = readLine();
            if (line == null) {
                out.println();
                return Answer.quit();
            }
            String answer = line.trim();
            for (String label : request.labels()) {
                if (label.equalsIgnoreCase(answer)) {
                    return Answer.label(label);
                }
            }
            if (answer.length() == 1) {
                Optional<Answer> byKey = LabelKeys.answerFor(answer.charAt(0), request.labels());
                if (byKey.isPresent()) {
                    return byKey.get();
                }
            }
            out.println("'" + answer + "' is not an answer here.");
        }
    }

    @Override
    public void announce(String message) {
        out.println(message);
    }

    private String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
