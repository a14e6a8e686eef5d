package dev.solo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file is never harmed by reading it, and a state file taken away while solo runs is noticed. */
class StateFileTest {
    @TempDir
    Path dir;

    @Test
    void aStateFileDeletedWhileSoloRunsRefusesTheNextSaveInsteadOfLosingIt() throws IOException {
        Path file = dir.resolve("state.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            store.workflow().saveRandomSeed(7);
            Files.delete(file);

            assertThatThrownBy(() -> store.workflow().saveRandomSeed(8))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("was deleted or replaced while solo was running")
                    .hasMessageContaining("nothing more was saved");
        }
    }

    @Test
    void aStateFileReplacedWhileSoloRunsIsNoticedToo() throws IOException {
        Path file = dir.resolve("state.db");
        try (SqliteStore other = SqliteStore.open(dir.resolve("other.db"))) {
            other.workflow().saveRandomSeed(1);
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            Files.move(dir.resolve("other.db"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            assertThatThrownBy(() -> store.workflow().saveRandomSeed(8))
                    .hasMessageContaining("was deleted or replaced while solo was running");
        }
    }

    @Test
    void readingAnEmptyStateFileSaysSoAndLeavesItEmpty() throws IOException {
        Path file = Files.createFile(dir.resolve("state.db"));

        assertThatThrownBy(() -> SqliteStore.openExisting(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is empty")
                .hasMessageContaining("delete " + dir);
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aFileThatIsNotAStateIsRefusedByReadingAndByStarting() throws IOException {
        Path file = Files.writeString(dir.resolve("state.db"), "these are my notes, not a database\n");

        assertThatThrownBy(() -> SqliteStore.openExisting(file)).hasMessageContaining("is not a solo task state");
        assertThatThrownBy(() -> SqliteStore.open(file)).hasMessageContaining("is not a solo task state");
        assertThat(Files.readString(file)).isEqualTo("these are my notes, not a database\n");
    }

    @Test
    void readingAnEarlierSolosStateDoesNotMigrateIt() throws IOException, SQLException {
        Path file = dir.resolve("state.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrations.applyUpTo(old, 4);
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> SqliteStore.openExisting(file))
                .hasMessageContaining("written by an earlier solo (schema 4); run solo start once");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void readingATaskNeverStartedOpensNothingAndCreatesNothing() {
        Path file = dir.resolve(".solo/state.db");

        assertThat(SqliteStore.openExisting(file)).isEqualTo(Optional.empty());
        assertThat(dir.resolve(".solo")).doesNotExist();
    }
}
