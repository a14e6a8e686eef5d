package dev.solo.cli;

import dev.solo.SoloInputException;
import picocli.CommandLine;

/**
 * Turns an exception into one line on standard error and an exit code: 2 for bad input, 1 for
 * anything else. The stack trace is printed only with {@code -x}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
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
        if (exception instanceof TaskBusyException busy) {
            commandLine.getErr().println("solo: " + busy.getMessage());
            return ExitCodes.FAILURE;
        }
        String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        commandLine.getErr().println("solo: error: " + message + (trace ? "" : " (run again with -x for details)"));
        return ExitCodes.FAILURE;
    }
}
