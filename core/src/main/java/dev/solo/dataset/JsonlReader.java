package dev.solo.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.solo.SoloInputException;
import dev.solo.config.ItemProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** One JSON object per line; blank lines are allowed and ignored. */
final class JsonlReader implements DataFileReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void read(Path file, ItemProperties properties, Consumer<SourcedItem> consumer) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                consumer.accept(new SourcedItem(parse(file, lineNumber, line, properties), file, lineNumber));
            }
        } catch (NoSuchFileException e) {
            throw new SoloInputException(file, "data file not found", "check data_files in the config");
        } catch (IOException | UncheckedIOException e) {
            throw new SoloInputException(file, "cannot read the data file: " + e.getMessage(),
                    "check that it is UTF-8 text and readable");
        }
    }

    private static Item parse(Path file, long line, String text, ItemProperties properties) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SoloInputException(file, (int) line, "not valid JSON: " + e.getOriginalMessage(),
                    "each line must be one JSON object; fix or remove the line");
        }
        if (!(node instanceof ObjectNode record)) {
            throw new SoloInputException(file, (int) line, "not a JSON object", "each line must be one JSON object");
        }
        return RecordFields.toItem(file, line, record, properties);
    }
}
