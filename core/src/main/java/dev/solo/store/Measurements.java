package dev.solo.store;

import dev.solo.metrics.AccuracyEstimate;
import dev.solo.metrics.BatchResult;
import dev.solo.workflow.Phase;
import java.util.List;
import java.util.Optional;

/** What solo measured: accuracy estimates, confusion analyses, each labeled batch's result. */
public interface Measurements {

    void saveAccuracyEstimate(AccuracyEstimate estimate);

    /** The latest accuracy estimate, if any model was measured yet. */
    Optional<AccuracyEstimate> latestAccuracyEstimate();

    /** Stores a round's confusion analysis (a JSON document), replacing an earlier one of that round. */
    void saveConfusionReport(int round, Phase phase, String reportJson);

    /** The confusion analysis of that round, or of the latest round when {@code round} is null. */
    Optional<String> confusionReport(Integer round);

    /** Stores a batch's result, replacing an earlier one of that phase, round and batch. */
    void saveBatchResult(BatchResult result);

    /** The batches of a phase, over every round, in order. */
    List<BatchResult> batchResults(Phase phase);
}
