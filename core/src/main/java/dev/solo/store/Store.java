package dev.solo.store;

import dev.solo.embed.VectorStore;
import dev.solo.labeler.llm.LlmCallLog;
import java.nio.file.Path;

/**
 * A task's durable state, one part per group of tables. Every method that saves commits before
 * it returns (a human label saved here survives the process being killed right after), and every
 * part may be used from several threads at once: the model may write while the person labels.
 */
public interface Store extends AutoCloseable {

    Items items();

    HumanAnswers humans();

    /** The labeler's current prediction per item. */
    Predictions predictions();

    /** The labeling functions' combined vote per item. */
    FunctionLabels functionLabels();

    /** The labeling functions themselves, per round. */
    FunctionCatalog functions();

    /** Each item's label as it stands, resolved from the sources above: the dataset's, not the synthetic items'. */
    LabeledRows labeledRows();

    /** The current labels of the imported items and of the synthetic ones phase 9 generated. */
    LabeledRows labeledRowsWithSynthetic();

    VectorStore vectors();

    Measurements measurements();

    /** Random human labels checked against the machine, and the accuracy estimated from them. */
    AccuracyLog accuracy();

    /** A second annotator's labels on a sample of the human-labeled items. */
    Verifications verifications();

    /** Prompt optimization's results table. */
    PromptVariants promptVariants();

    LlmCallLog llmCalls();

    WorkflowLog workflow();

    LabelingSetups setups();

    /** Writes a consistent copy of the whole state to {@code target}, which must not exist. */
    void copyTo(Path target);

    @Override
    void close();
}
