package dev.solo;

import java.nio.file.Path;

/**
 * Bad input from the user: a config, data, gold or answer file that cannot be used as it is.
 * Carries where the problem is (file and, when known, line) apart from what is wrong and what to
 * do, so that the command line can print it as one line and exit with code 2.
 */
public final class SoloInputException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String hint;

    public SoloInputException(Path file, int line, String problem, String hint) {
        super(problem);
        this.file = file;
        this.line = line;
        this.hint = hint;
    }

    public SoloInputException(Path file, String problem, String hint) {
        this(file, 0, problem, hint);
    }

    /** The file at fault, or null when the problem is not in a file (a command-line value). */
    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** What to do about it; may be null. */
    public String hint() {
        return hint;
    }

    /** {@code file:line: problem; hint}, the form the command line prints. */
    public String oneLine() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line > 0) {
                text.append(':').append(line);
            }
            text.append(": ");
        }
        text.append(getMessage());
        if (hint != null && !hint.isBlank()) {
            text.append(" (").append(hint).append(')');
        }
        return text.toString();
    }
}
