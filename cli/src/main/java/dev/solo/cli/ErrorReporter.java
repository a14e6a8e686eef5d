package dev.solo.cli;

import dev.solo.FileProblem;
import dev.solo.SoloInputException;
import dev.solo.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Turns an exception into one line on standard error and an exit code: 2 for bad input, 1 for
 * anything else. The stack trace, and with it any Java class name, is printed only with {@code -x}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    /** {@code java.io.IOException: } and the like, which a wrapped message may carry. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:? ?");

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine,
                                        CommandLine.ParseResult parseResult) {
        boolean trace = parseResult.expandedArgs().contains("-x") || parseResult.expandedArgs().contains("--stacktrace");
        if (trace) {
            exception.printStackTrace(commandLine.getErr());
        }
        if (exception instanceof SoloInputException input) {
            commandLine.getErr().println("solo: " + input.oneLine());
            return ExitCodes.BAD_INPUT;
        }
        if (exception instanceof TaskBusyException || exception instanceof StoreException) {
            commandLine.getErr().println("solo: " + oneLine(exception.getMessage()));
            return ExitCodes.FAILURE;
        }
        IOException io = exception instanceof UncheckedIOException unchecked ? unchecked.getCause()
                : exception instanceof IOException checked ? checked : null;
        if (io != null) {
            commandLine.getErr().println("solo: " + FileProblem.of(io, null).oneLine());
            return ExitCodes.FAILURE;
        }
        String message = exception.getMessage() == null || exception.getMessage().isBlank()
                ? "an unexpected internal error" : oneLine(exception.getMessage());
        commandLine.getErr().println("solo: error: " + message + (trace ? "" : " (run again with -x for details)"));
        return ExitCodes.FAILURE;
    }

    /** The message on one line, without Java class names. */
    static String oneLine(String message) {
        return CLASS_NAME.matcher(message).replaceAll("").replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
