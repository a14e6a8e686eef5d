package dev.solo.dataset;

import java.util.List;

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

    /**
     * Items a person labeled that were not offered in this import and did not come from one of
     * {@code unchangedFiles} (not read again): records deleted from the data files. Their count,
     * and the first {@code kept} ids.
     */
    MissingItems labeledButMissing(List<String> unchangedFiles, int kept);

    /** Labeled items no longer in the data files: how many, and the first few ids. */
    record MissingItems(long count, List<String> firstIds) {
        public MissingItems {
            firstIds = List.copyOf(firstIds);
        }
    }

    void commit();

    /** Rolls back unless committed. */
    @Override
    void close();
}
