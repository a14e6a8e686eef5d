package dev.solo.cli;

import picocli.CommandLine.Option;

/** {@code -x}: print stack traces of failures (read by {@link ErrorReporter}). */
final class DebugOption {
    @Option(names = {"-x", "--stacktrace"}, description = "Print the stack trace of a failure.")
    boolean stacktrace;
}
