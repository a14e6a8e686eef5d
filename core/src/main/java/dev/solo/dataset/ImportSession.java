package dev.solo.dataset;

/**
 * One import of data files, in one transaction: either every new item of every file is added,
 * or (on any error, or if {@link #commit()} is never called before {@link #close()}) nothing is.
 * Other writers wait until it is closed.
 */
public interface ImportSession extends AutoCloseable {

    /** True if the file has the size and modification time it had when last imported. */
    boolean fileUnchanged(String path, long size, long modified);

    /** Adds the item unless its id is already stored; says which. */
    ImportOutcome offer(SourcedItem item);

    /** Remembers the file's size and time, so that an unchanged file is not read again. */
    void recordFile(String path, long size, long modified);

    void commit();

    /** Rolls back unless committed. */
    @Override
    void close();
}
