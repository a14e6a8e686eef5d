package dev.solo.labeler.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Records the waits asked for instead of taking them; its clock moves by those waits only. */
final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicLong nanos = new AtomicLong();

    @Override
    public void sleep(Duration delay) {
        waits.add(delay);
        nanos.addAndGet(delay.toNanos());
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }

    long nanoTime() {
        return nanos.get();
    }
}
