package dev.solo.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solo.SoloInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export replaces regular files only, writes through links, and lands whole or not at all. */
class ExportFilesTest {
    @TempDir
    Path dir;

    @Test
    void bothFilesAppearOnlyWhenBothAreComplete() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("labels.jsonl"), "old jsonl\n");
        Path parquet = dir.resolve("out/annotations.parquet");

        try (ExportFiles files = ExportFiles.to(List.of(jsonl, parquet), true)) {
            Files.writeString(files.temporaryFor(jsonl), "new jsonl\n");
            // The second file's writer fails before the commit.
        }

        assertThat(Files.readString(jsonl)).isEqualTo("old jsonl\n");
        assertThat(parquet).doesNotExist();
        assertThat(partialFiles()).isEmpty();

        try (ExportFiles files = ExportFiles.to(List.of(jsonl, parquet), true)) {
            Files.writeString(files.temporaryFor(jsonl), "new jsonl\n");
            Files.writeString(files.temporaryFor(parquet), "new parquet\n");
            files.commit();
        }
        assertThat(Files.readString(jsonl)).isEqualTo("new jsonl\n");
        assertThat(Files.readString(parquet)).isEqualTo("new parquet\n");
        assertThat(partialFiles()).isEmpty();
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAskedTo() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("labels.jsonl"), "keep me\n");

        assertThatThrownBy(() -> ExportFiles.to(List.of(jsonl), false))
                .isInstanceOf(SoloInputException.class)
                .hasMessageContaining("already exists");
        assertThat(Files.readString(jsonl)).isEqualTo("keep me\n");
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.jsonl"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("labels.jsonl"), real);

        try (ExportFiles files = ExportFiles.to(List.of(link), true)) {
            Files.writeString(files.temporaryFor(link), "new\n");
            files.commit();
        }

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new\n");
    }

    @Test
    void aDirectoryAPipeOrALinkToNothingIsNeverReplaced() throws IOException, InterruptedException {
        Path directory = Files.createDirectory(dir.resolve("labels.jsonl"));
        Path fifo = dir.resolve("pipe.jsonl");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.jsonl"), dir.resolve("nowhere"));

        assertThatThrownBy(() -> ExportFiles.to(List.of(directory), true)).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> ExportFiles.to(List.of(fifo), true)).hasMessageContaining("is not a regular file");
        assertThatThrownBy(() -> ExportFiles.to(List.of(dangling), true)).hasMessageContaining("symbolic link to nothing");
        assertThat(Files.isDirectory(directory)).isTrue();
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(partialFiles()).isEmpty();
    }

    private List<Path> partialFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".partial")).toList();
        }
    }
}
