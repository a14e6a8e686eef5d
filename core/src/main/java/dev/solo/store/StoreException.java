package dev.solo.store;

/** The task state could not be read or written (disk full, file locked, corrupt file). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
