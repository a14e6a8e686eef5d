package dev.solo.phases;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Work a phase does while the person labels: one thread, so tasks run in the order they were
 * given (a batch chosen after a retraining sees that retraining's labels), and a failure surfaces
 * where the phase waits for the task, not silently on the thread.
 */
final class BackgroundWork implements AutoCloseable {
    private final ExecutorService thread;

    BackgroundWork(String name) {
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread worker = new Thread(runnable, name);
            worker.setDaemon(true);
            return worker;
        });
    }

    Future<?> submit(Runnable task) {
        return thread.submit(task);
    }

    /** Waits for the task; its failure is thrown here. */
    static void await(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for background work", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("background work was cancelled", e);
        }
    }

    /** Lets the task under way finish (what it saves stays consistent), drops the others. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
