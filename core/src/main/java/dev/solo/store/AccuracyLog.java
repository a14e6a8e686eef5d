package dev.solo.store;

import dev.solo.metrics.AccuracyRecord;
import dev.solo.metrics.RandomCheck;
import dev.solo.metrics.RandomLabel;
import java.util.List;
import java.util.Optional;

/** The evidence accuracy estimates rest on, and the estimates made after each batch. */
public interface AccuracyLog {

    /**
     * Every item the random pool chose that now has a human label, with the machine label it had
     * when it was queued: whether that label matched the person's, and its confidence then. Items
     * queued before any machine label existed are left out.
     */
    List<RandomCheck> randomChecks(String schemaName);

    /** The same items as {@link #randomChecks}, with their ids and both labels. */
    List<RandomLabel> randomLabels(String schemaName);

    /** Saves a report, replacing an earlier one of the same phase, round and batch. */
    void save(AccuracyRecord record);

    Optional<AccuracyRecord> latest();

    /** Every report, oldest first. */
    List<AccuracyRecord> all();
}
