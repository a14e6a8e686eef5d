package dev.solo.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.solo.InputFile;
import dev.solo.SoloInputException;
import dev.solo.config.ItemProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** One JSON object per line; blank lines are allowed and ignored. */
final class JsonlReader implements DataFileReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void read(Path file, ItemProperties properties, Consumer<SourcedItem> consumer) {
        InputFile input = new InputFile(file, "data file");
        try (BufferedReader reader = input.open()) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                consumer.accept(new SourcedItem(parse(file, lineNumber, line, properties), file, lineNumber));
            }
        } catch (IOException e) {
            throw input.problem(e);
        } catch (UncheckedIOException e) {
            throw input.problem(e);
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
