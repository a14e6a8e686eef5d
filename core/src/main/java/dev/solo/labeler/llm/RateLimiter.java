package dev.solo.labeler.llm;

/** Spaces requests evenly so that no more than {@code perMinute} start in any minute. */
final class RateLimiter {
    private final long spacingNanos;
    private long nextStart = System.nanoTime();

    RateLimiter(Integer perMinute) {
        this.spacingNanos = perMinute == null ? 0 : 60_000_000_000L / perMinute;
    }

    void acquire() throws InterruptedException {
        if (spacingNanos == 0) {
            return;
        }
        long start;
        synchronized (this) {
            start = Math.max(nextStart, System.nanoTime());
            nextStart = start + spacingNanos;
        }
        long wait = start - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
