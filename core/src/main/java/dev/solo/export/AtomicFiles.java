package dev.solo.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes go to a temporary file beside the target, moved into place when complete. */
final class AtomicFiles {
    private AtomicFiles() {
    }

    static Path temporarySibling(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = parent.resolve("." + target.getFileName() + ".partial");
        Files.deleteIfExists(temporary);
        return temporary;
    }

    static void replace(Path temporary, Path target) throws IOException {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
