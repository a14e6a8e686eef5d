package dev.solo.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solo.SoloInputException;
import dev.solo.config.ItemProperties;
import dev.solo.store.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetImporterTest {
    @TempDir
    Path dir;

    private SqliteStore store;
    private DatasetImporter importer;

    @BeforeEach
    void openStore() {
        store = SqliteStore.open(dir.resolve("state.db"));
        importer = new DatasetImporter(store.items());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void importsJsonlKeepingTheOtherFields() throws IOException {
        Path data = write("d.jsonl", """
                {"id": "rev_001", "text": "Absolutely love this product!", "source": "amazon"}
                {"id": 2, "text": "It works fine."}
                """);

        ImportReport report = importer.importFiles(List.of(data), ItemProperties.DEFAULT);

        assertThat(report.added()).isEqualTo(2);
        assertThat(store.items().item("rev_001").fieldsJson()).isEqualTo("{\"source\":\"amazon\"}");
        assertThat(store.items().item("2").text()).isEqualTo("It works fine.");
    }

    @Test
    void usesTheConfiguredIdAndTextKeys() throws IOException {
        Path data = write("d.jsonl", "{\"uid\": \"a\", \"body\": \"hello\"}\n");

        importer.importFiles(List.of(data), new ItemProperties("uid", "body"));

        assertThat(store.items().item("a").text()).isEqualTo("hello");
    }

    @Test
    void malformedJsonNamesFileAndLineAndStoresNothing() throws IOException {
        Path data = write("d.jsonl", """
                {"id": "a", "text": "one"}
                {"id": "b", "text": "two"
                """);

        assertThatThrownBy(() -> importer.importFiles(List.of(data), ItemProperties.DEFAULT))
                .isInstanceOf(SoloInputException.class)
                .satisfies(e -> assertThat(((SoloInputException) e).oneLine()).startsWith(data + ":2: not valid JSON"));
        assertThat(store.items().count()).isZero();
    }

    @Test
    void missingIdOrTextNamesTheLine() throws IOException {
        Path noId = write("a.jsonl", "{\"id\": \"a\", \"text\": \"one\"}\n{\"text\": \"two\"}\n");
        Path noText = write("b.jsonl", "{\"id\": \"a\", \"txt\": \"one\"}\n");

        assertThatThrownBy(() -> importer.importFiles(List.of(noId), ItemProperties.DEFAULT))
                .isInstanceOf(SoloInputException.class)
                .satisfies(e -> assertThat(((SoloInputException) e).oneLine()).startsWith(noId + ":2: missing id"));
        assertThatThrownBy(() -> importer.importFiles(List.of(noText), ItemProperties.DEFAULT))
                .isInstanceOf(SoloInputException.class)
                .satisfies(e -> assertThat(((SoloInputException) e).oneLine()).startsWith(noText + ":1: missing text"));
        assertThat(store.items().count()).isZero();
    }

    @Test
    void duplicateIdNamesBothPlacesAndStoresNothing() throws IOException {
        Path data = write("d.jsonl", """
                {"id": "a", "text": "one"}
                {"id": "b", "text": "two"}
                {"id": "a", "text": "three"}
                """);

        assertThatThrownBy(() -> importer.importFiles(List.of(data), ItemProperties.DEFAULT))
                .isInstanceOf(SoloInputException.class)
                .satisfies(e -> assertThat(((SoloInputException) e).oneLine())
                        .startsWith(data + ":3: duplicate id 'a' (first at ").contains("d.jsonl:1)"));
        assertThat(store.items().count()).isZero();
    }

    @Test
    void badDataLeavesEarlierItemsUntouched() throws IOException {
        Path data = write("d.jsonl", "{\"id\": \"a\", \"text\": \"one\"}\n");
        importer.importFiles(List.of(data), ItemProperties.DEFAULT);
        append(data, "{\"id\": \"b\", \"text\": \"two\"}\nnot json\n");

        assertThatThrownBy(() -> importer.importFiles(List.of(data), ItemProperties.DEFAULT))
                .isInstanceOf(SoloInputException.class);
        assertThat(store.items().count()).isEqualTo(1);
        assertThat(store.items().item("a").text()).isEqualTo("one");
    }

    @Test
    void aGrownFileAddsOnlyItsNewItems() throws IOException {
        Path data = write("d.jsonl", "{\"id\": \"a\", \"text\": \"one\"}\n");
        importer.importFiles(List.of(data), ItemProperties.DEFAULT);
        append(data, "{\"id\": \"b\", \"text\": \"two\"}\n");

        ImportReport report = importer.importFiles(List.of(data), ItemProperties.DEFAULT);

        assertThat(report.added()).isEqualTo(1);
        assertThat(report.alreadyStored()).isEqualTo(1);
        assertThat(store.items().count()).isEqualTo(2);
    }

    @Test
    void anUnchangedFileIsNotReadAgain() throws IOException {
        Path data = write("d.jsonl", "{\"id\": \"a\", \"text\": \"one\"}\n");
        importer.importFiles(List.of(data), ItemProperties.DEFAULT);

        ImportReport report = importer.importFiles(List.of(data), ItemProperties.DEFAULT);

        assertThat(report.unchangedFiles()).isEqualTo(1);
        assertThat(report.alreadyStored()).isZero();
    }

    @Test
    void aChangedTextIsReportedAndTheStoredTextKept() throws IOException {
        Path data = write("d.jsonl", "{\"id\": \"a\", \"text\": \"one\"}\n");
        importer.importFiles(List.of(data), ItemProperties.DEFAULT);
        write("d.jsonl", "{\"id\": \"a\", \"text\": \"ONE, edited\"}\n");
        Files.setLastModifiedTime(data, FileTime.fromMillis(Files.getLastModifiedTime(data).toMillis() + 5_000));

        ImportReport report = importer.importFiles(List.of(data), ItemProperties.DEFAULT);

        assertThat(report.changedTextCount()).isEqualTo(1);
        assertThat(report.changedTexts()).containsExactly("d.jsonl:1");
        assertThat(store.items().item("a").text()).isEqualTo("one");
    }

    @Test
    void blankTextsAreSkippedAndReported() throws IOException {
        Path data = write("d.jsonl", "{\"id\": \"a\", \"text\": \"  \"}\n{\"id\": \"b\", \"text\": \"two\"}\n");

        ImportReport report = importer.importFiles(List.of(data), ItemProperties.DEFAULT);

        assertThat(report.added()).isEqualTo(1);
        assertThat(report.emptyTextCount()).isEqualTo(1);
        assertThat(report.emptyTexts()).containsExactly("d.jsonl:1");
    }

    @Test
    void readsCsvWithQuotedMultilineFieldsAndTsv() throws IOException {
        Path csv = write("d.csv", "id,text,source\nc1,\"Hello, world\",web\nc2,\"two\nlines\",web\n");
        Path tsv = write("d.tsv", "id\ttext\nt1\ttab separated\n");

        ImportReport report = importer.importFiles(List.of(csv, tsv), ItemProperties.DEFAULT);

        assertThat(report.added()).isEqualTo(3);
        assertThat(store.items().item("c1").text()).isEqualTo("Hello, world");
        assertThat(store.items().item("c2").text()).isEqualTo("two\nlines");
        assertThat(store.items().item("c1").fieldsJson()).isEqualTo("{\"source\":\"web\"}");
        assertThat(store.items().item("t1").text()).isEqualTo("tab separated");
    }

    @Test
    void csvWithoutTheIdColumnNamesTheLine() throws IOException {
        Path csv = write("d.csv", "key,text\nc1,hello\n");

        assertThatThrownBy(() -> importer.importFiles(List.of(csv), ItemProperties.DEFAULT))
                .isInstanceOf(SoloInputException.class)
                .satisfies(e -> assertThat(((SoloInputException) e).oneLine()).startsWith(csv + ":2: missing id"));
    }

    @Test
    void unsupportedFileTypeIsNamed() throws IOException {
        Path data = write("d.xlsx", "x");

        assertThatThrownBy(() -> importer.importFiles(List.of(data), ItemProperties.DEFAULT))
                .isInstanceOf(SoloInputException.class)
                .hasMessageContaining("unsupported data file type");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }
}
