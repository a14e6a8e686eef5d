package dev.solo.store;

import dev.solo.embed.VectorStore;
import dev.solo.labeler.llm.LlmCallLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The task state in one SQLite file (WAL, synchronous=FULL): {@link Store} over a {@link Database}. */
public final class SqliteStore implements Store {
    private final Database database;
    private final Items items;
    private final HumanAnswers humans;
    private final Predictions predictions;
    private final FunctionLabels functionLabels;
    private final FunctionCatalog functions;
    private final LabeledRows labeledRows;
    private final LabeledRows labeledRowsWithSynthetic;
    private final VectorStore vectors;
    private final Measurements measurements;
    private final AccuracyLog accuracy;
    private final Verifications verifications;
    private final PromptVariants promptVariants;
    private final LlmCallLog llmCalls;
    private final WorkflowLog workflow;
    private final LabelingSetups setups;

    private SqliteStore(Database database, Clock clock) {
        this.database = database;
        this.items = new SqliteItems(database);
        this.humans = new SqliteHumanAnswers(database, clock);
        this.predictions = new SqlitePredictions(database);
        this.functionLabels = new SqliteFunctionLabels(database);
        this.functions = new SqliteFunctionCatalog(database);
        this.labeledRows = new SqliteLabeledRows(database, false);
        this.labeledRowsWithSynthetic = new SqliteLabeledRows(database, true);
        this.vectors = new SqliteVectors(database);
        this.measurements = new SqliteMeasurements(database, clock);
        this.accuracy = new SqliteAccuracyLog(database);
        this.verifications = new SqliteVerifications(database);
        this.promptVariants = new SqlitePromptVariants(database);
        this.llmCalls = new SqliteLlmCalls(database);
        this.workflow = new SqliteWorkflowLog(database, clock);
        this.setups = new SqliteLabelingSetups(database);
    }

    /** Opens the store, creating the file and applying pending migrations. */
    public static SqliteStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static SqliteStore open(Path file, Clock clock) {
        return new SqliteStore(Database.open(file), clock);
    }

    /**
     * Opens the state a start wrote, for reading commands: empty if the task has never been
     * started; nothing is created or migrated. Throws {@link StoreException} with what to do when
     * the file is empty, damaged, not a task state or of another solo version.
     */
    public static Optional<SqliteStore> openExisting(Path file) {
        return Files.exists(file) ? Optional.of(new SqliteStore(Database.openAsIs(file), Clock.systemUTC()))
                : Optional.empty();
    }

    @Override
    public Items items() {
        return items;
    }

    @Override
    public HumanAnswers humans() {
        return humans;
    }

    @Override
    public Predictions predictions() {
        return predictions;
    }

    @Override
    public FunctionLabels functionLabels() {
        return functionLabels;
    }

    @Override
    public FunctionCatalog functions() {
        return functions;
    }

    @Override
    public LabeledRows labeledRows() {
        return labeledRows;
    }

    @Override
    public LabeledRows labeledRowsWithSynthetic() {
        return labeledRowsWithSynthetic;
    }

    @Override
    public VectorStore vectors() {
        return vectors;
    }

    @Override
    public Measurements measurements() {
        return measurements;
    }

    @Override
    public AccuracyLog accuracy() {
        return accuracy;
    }

    @Override
    public Verifications verifications() {
        return verifications;
    }

    @Override
    public PromptVariants promptVariants() {
        return promptVariants;
    }

    @Override
    public LlmCallLog llmCalls() {
        return llmCalls;
    }

    @Override
    public WorkflowLog workflow() {
        return workflow;
    }

    @Override
    public LabelingSetups setups() {
        return setups;
    }

    @Override
    public void copyTo(Path target) {
        database.copyTo(target);
    }

    @Override
    public void close() {
        database.close();
    }
}
