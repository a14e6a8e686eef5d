package dev.solo.store;

import dev.solo.dataset.Item;
import dev.solo.embed.StoredVector;
import dev.solo.human.HumanLabel;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A task's durable state. Every method that saves commits before it returns: a human label
 * saved here survives the process being killed right after.
 */
public interface Store extends AutoCloseable {

    /** The seed every random choice of this task derives from; empty before the first start. */
    Optional<Long> randomSeed();

    void saveRandomSeed(long seed);

    long itemCount();

    /** The item with that id; throws IllegalArgumentException if there is none. */
    Item item(String id);

    /** Every item's id, text length and value of the given field (null field: no stratum), in import order. */
    List<SelectableItem> selectableItems(String stratifyField);

    /** The items queued for a phase and round, in order; empty if none was queued yet. */
    List<QueueEntry> queue(Phase phase, int round);

    void saveQueue(Phase phase, int round, List<QueueEntry> entries);

    void saveHumanLabel(HumanLabel label);

    /** Records that the person skipped the item in this phase and round. */
    void saveSkip(String itemId, String schemaName, Phase phase, int round, String annotator);

    /**
     * Retracts the latest label or skip of this phase and round that is still in force, by
     * writing a retraction (nothing is deleted). Returns the retracted item's id, or empty.
     */
    Optional<String> undoLatest(Phase phase, int round);

    /** Items labeled or skipped in this phase and round (retracted answers excluded). */
    Set<String> answeredItems(Phase phase, int round);

    /** Items labeled in this phase and round (retracted labels excluded). */
    Set<String> labeledItems(Phase phase, int round);

    /** Labels in force given in this phase and round. */
    int humanLabelCount(Phase phase, int round);

    /** Items with a human label in force, over the whole task. */
    long humanLabeledItemCount();

    /** Human labels in force per phase, over the whole task. */
    Map<Phase, Long> humanLabelsByPhase();

    /** Total time people spent answering, in milliseconds. */
    long humanAnswerMillis();

    LabelCounts labelCounts();

    /** Streams each labeled item's current label, in import order. */
    void forEachLabeledRow(Consumer<LabeledRow> consumer);

    /** Every item's human label in force for the scheme, in the order they were given. */
    List<HumanExample> humanExamples(String schemaName);

    /** Items with no stored vector for the embedding model: id and text length, in import order. */
    List<SelectableItem> itemsWithoutEmbedding(String model);

    /** Saves vectors in one transaction; a vector already stored for an item is kept. */
    void saveEmbeddings(String model, List<StoredVector> vectors);

    /** Streams every stored vector of the embedding model. */
    void forEachEmbedding(String model, Consumer<StoredVector> consumer);

    /** Saves machine labels in one transaction, replacing each item's previous machine label. */
    void saveModelLabels(List<ModelLabel> labels);

    void saveAccuracyEstimate(AccuracyEstimate estimate);

    /** The latest accuracy estimate, if any model was measured yet. */
    Optional<AccuracyEstimate> latestAccuracyEstimate();

    /** Stores a round's confusion analysis (a JSON document), replacing an earlier one of that round. */
    void saveConfusionReport(int round, Phase phase, String reportJson);

    /** The confusion analysis of that round, or of the latest round when {@code round} is null. */
    Optional<String> confusionReport(Integer round);

    /** A remote labeler's stored response for that request key, if it was asked before. */
    Optional<String> cachedLlmResponse(String key);

    /** Records a call; with a response, also caches it under {@code key} (one transaction). */
    void saveLlmCall(LlmCall call, String key, String response);

    LlmUsage llmUsage();

    WorkflowState workflowState();

    /** Saves the state; a phase change is also appended to the phase log. */
    void saveWorkflowState(WorkflowState state, String reason);

    @Override
    void close();
}
