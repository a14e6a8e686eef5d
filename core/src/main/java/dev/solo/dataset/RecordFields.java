package dev.solo.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.solo.SoloInputException;
import dev.solo.config.ItemProperties;
import java.nio.file.Path;

/** Turns one data record into an item: its id, its text, and the rest of its fields. */
final class RecordFields {
    private RecordFields() {
    }

    static Item toItem(Path file, long line, ObjectNode record, ItemProperties properties) {
        JsonNode id = record.get(properties.idKey());
        if (id == null) {
            throw new SoloInputException(file, (int) line, "missing id: no '" + properties.idKey() + "' field",
                    "give every record an id, or set item_properties.id_key to the field that holds it");
        }
        if (id.isNull() || id.isContainerNode() || id.asText().isBlank()) {
            throw new SoloInputException(file, (int) line, "missing id: '" + properties.idKey() + "' holds "
                    + holding(id), "give every record a text or number id");
        }
        JsonNode text = record.get(properties.textKey());
        if (text == null) {
            throw new SoloInputException(file, (int) line, "missing text: no '" + properties.textKey() + "' field",
                    "give every record a text, or set item_properties.text_key to the field that holds it");
        }
        if (text.isContainerNode()) {
            throw new SoloInputException(file, (int) line, "'" + properties.textKey() + "' holds " + holding(text)
                    + ", not text", "give every record its text as a string, or set item_properties.text_key "
                    + "to the field that holds it");
        }
        ObjectNode rest = record.deepCopy();
        rest.remove(properties.idKey());
        rest.remove(properties.textKey());
        // null text is no text: skipped and reported by the importer, like empty text
        return new Item(id.asText(), text.isNull() ? "" : text.asText(), rest.toString());
    }

    private static String holding(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        return "empty text";
    }
}
