package dev.solo.human;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.solo.InputFile;
import dev.solo.SoloInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A gold-label JSONL file: one {@code {"id": ..., "<label key>": ...}} object per line. */
public final class GoldLabels {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, String> labelById;

    private GoldLabels(Path file, Map<String, String> labelById) {
        this.file = file;
        this.labelById = labelById;
    }

    /** Reads the file, checking every label against the scheme's labels. */
    public static GoldLabels load(Path file, String idKey, String labelKey, List<String> labels) {
        Map<String, String> labelById = new HashMap<>();
        InputFile input = new InputFile(file, "gold-label file");
        try (BufferedReader reader = input.open()) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record = parse(file, lineNumber, line);
                JsonNode id = record.get(idKey);
                JsonNode label = record.get(labelKey);
                if (id == null || id.isNull() || id.asText().isBlank()) {
                    throw new SoloInputException(file, lineNumber, "no '" + idKey + "' field", "give every gold line the item's id");
                }
                if (label == null || !label.isValueNode() || label.isNull()) {
                    throw new SoloInputException(file, lineNumber, "no '" + labelKey + "' field",
                            "give every gold line a label, or name its field with --oracle-label-key");
                }
                if (!labels.contains(label.asText())) {
                    throw new SoloInputException(file, lineNumber, "label '" + label.asText() + "' is not one of "
                            + String.join(", ", labels), "use the scheme's labels exactly");
                }
                if (labelById.put(id.asText(), label.asText()) != null) {
                    throw new SoloInputException(file, lineNumber, "id '" + id.asText() + "' has a gold label already",
                            "keep one line per id");
                }
            }
        } catch (IOException e) {
            throw input.problem(e);
        }
        return new GoldLabels(file, labelById);
    }

    private static JsonNode parse(Path file, int lineNumber, String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (!node.isObject()) {
                throw new SoloInputException(file, lineNumber, "not a JSON object", "each line must be one JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new SoloInputException(file, lineNumber, "not valid JSON: " + e.getOriginalMessage(), "fix or remove the line");
        }
    }

    public Optional<String> labelOf(String id) {
        return Optional.ofNullable(labelById.get(id));
    }

    public Path file() {
        return file;
    }
}
