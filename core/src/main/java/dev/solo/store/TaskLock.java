package dev.solo.store;

import dev.solo.FileProblem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Keeps a second {@code solo start} off a task while one runs. An operating-system lock on a file
 * beside the state: it goes away with the process, even after {@code kill -9}.
 */
public final class TaskLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private TaskLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock for the task whose state is {@code stateFile}; empty if another process holds it. */
    public static Optional<TaskLock> tryAcquire(Path stateFile) {
        Path lockFile = stateFile.resolveSibling(stateFile.getFileName() + ".lock");
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new TaskLock(channel, lock));
        } catch (IOException e) {
            throw new StoreException("cannot lock the task state: " + FileProblem.of(e, lockFile).oneLine(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("cannot release the task lock: " + FileProblem.of(e, null).oneLine(), e);
        }
    }
}
