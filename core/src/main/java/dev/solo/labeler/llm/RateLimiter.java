package dev.solo.labeler.llm;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Spaces requests evenly so that no more than {@code perMinute} start in any minute. */
final class RateLimiter {
    private final long spacingNanos;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private long nextStart;

    RateLimiter(Integer perMinute, Sleeper sleeper) {
        this(perMinute, sleeper, System::nanoTime);
    }

    /** {@code nanoTime} is the clock the spacing is measured on, {@link System#nanoTime} but in tests. */
    RateLimiter(Integer perMinute, Sleeper sleeper, LongSupplier nanoTime) {
        this.spacingNanos = perMinute == null ? 0 : 60_000_000_000L / perMinute;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        this.nextStart = nanoTime.getAsLong();
    }

    void acquire() throws InterruptedException {
        if (spacingNanos == 0) {
            return;
        }
        long start;
        synchronized (this) {
            start = Math.max(nextStart, nanoTime.getAsLong());
            nextStart = start + spacingNanos;
        }
        long wait = start - nanoTime.getAsLong();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
