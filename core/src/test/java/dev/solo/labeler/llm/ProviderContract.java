package dev.solo.labeler.llm;

import dev.solo.store.SqliteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every remote labeler must have, run against a local HTTP server that answers in
 * the provider's documented response shape. Each provider's test supplies only that shape; the
 * behaviour is in the contracts this class implements, whose tests every provider runs.
 */
abstract class ProviderContract implements LabelingContract, ReliabilityContract, CacheAndBudgetContract {
    /** The timeout test leaves a connection that never sends a request; the server logs that at WARNING. */
    private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

    static {
        SERVER_LOG.setLevel(Level.OFF);
    }

    @TempDir
    private Path dir;

    private MockWebServer server;
    private SqliteStore store;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        openStore();
    }

    @AfterEach
    void stopServer() {
        server.close();
        store.close();
    }

    @Override
    public MockWebServer server() {
        return server;
    }

    @Override
    public SqliteStore store() {
        return store;
    }

    @Override
    public void openStore() {
        store = SqliteStore.open(dir.resolve("state.db"));
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public RecordingSleeper sleeper() {
        return sleeper;
    }
}
