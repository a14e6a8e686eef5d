package dev.solo.cli;

/** Another {@code solo start} holds the task. */
final class TaskBusyException extends RuntimeException {
    TaskBusyException(String message) {
        super(message);
    }
}
