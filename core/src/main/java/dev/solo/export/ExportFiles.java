package dev.solo.export;

import dev.solo.SoloInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files one export writes, made whole or not at all: each is written to a temporary file
 * beside its target, and only when every one is complete are they moved into place. Closing
 * without {@link #commit()} removes the temporary files and leaves the targets as they were.
 * Only regular files are ever replaced; a symbolic link is written through to the file it names.
 */
public final class ExportFiles implements AutoCloseable {
    /** A target as given, the file actually replaced (a link's target), and the temporary file. */
    private record Planned(Path replaced, Path temporary) {
    }

    private final Map<Path, Planned> plans = new LinkedHashMap<>();
    private boolean committed;

    private ExportFiles() {
    }

    /** Checks every target before anything is written; {@code overwrite} allows replacing regular files. */
    public static ExportFiles to(List<Path> targets, boolean overwrite) throws IOException {
        ExportFiles files = new ExportFiles();
        for (Path target : targets) {
            Path writable = writableTarget(target, overwrite);
            Path parent = writable.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            files.plans.put(target, new Planned(writable, parent.resolve("." + writable.getFileName() + ".partial")));
        }
        return files;
    }

    private static Path writableTarget(Path target, boolean overwrite) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return target;
        }
        if (!overwrite) {
            throw new SoloInputException(target, "already exists", "pass --force to overwrite it");
        }
        Path real = Files.isSymbolicLink(target) ? resolvedLink(target) : target;
        if (Files.isDirectory(real)) {
            throw new SoloInputException(target, "is a directory", "give the path of a file to write");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new SoloInputException(target, "is not a regular file (a device, a pipe or a socket)",
                    "solo replaces only regular files; give the path of a file to write");
        }
        return real;
    }

    private static Path resolvedLink(Path link) throws IOException {
        if (!Files.exists(link)) {
            throw new SoloInputException(link, "is a symbolic link to nothing (" + Files.readSymbolicLink(link) + ")",
                    "remove the link or give another path");
        }
        return link.toRealPath();
    }

    /** Where to write {@code target}'s content before the commit. */
    public Path temporaryFor(Path target) throws IOException {
        Planned plan = plans.get(target);
        if (plan == null) {
            throw new IllegalArgumentException(target + " is not one of this export's files");
        }
        Files.deleteIfExists(plan.temporary());
        return plan.temporary();
    }

    /** Moves every written file into place. */
    public void commit() throws IOException {
        for (Planned plan : plans.values()) {
            Files.move(plan.temporary(), plan.replaced(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            for (Planned plan : plans.values()) {
                Files.deleteIfExists(plan.temporary());
            }
        }
    }
}
