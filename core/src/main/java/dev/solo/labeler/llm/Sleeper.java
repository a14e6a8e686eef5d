package dev.solo.labeler.llm;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits before a retry or a rate-limited request. The real one sleeps the calling thread; tests
 * pass one that records the waits asked for instead of taking them.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps the calling thread. */
    Sleeper REAL = delay -> TimeUnit.NANOSECONDS.sleep(delay.toNanos());

    /** Returns once {@code delay} has passed; throws when the thread is interrupted meanwhile. */
    void sleep(Duration delay) throws InterruptedException;
}
