package dev.solo.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Which file a path named when the store opened it (device and inode, where the file system has
 * them): SQLite goes on writing to a file that was deleted or replaced under it, so the store
 * checks that the path still names the same file before it commits.
 */
record FileIdentity(Object key) {

    static FileIdentity of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        // Where the file system has no file keys, the creation time stands in.
        return new FileIdentity(attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime());
    }

    /** False when the path names another file now, or none. */
    boolean stillNamedBy(Path file) {
        try {
            return equals(of(file));
        } catch (IOException e) {
            return false;
        }
    }
}
