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
        if (id == null || id.isNull() || id.isContainerNode() || id.asText().isBlank()) {
            throw new SoloInputException(file, (int) line, "missing id: no '" + properties.idKey() + "' field",
                    "give every record an id, or set item_properties.id_key to the field that holds it");
        }
        JsonNode text = record.get(properties.textKey());
        if (text == null || text.isNull() || !text.isValueNode()) {
            throw new SoloInputException(file, (int) line, "missing text: no '" + properties.textKey() + "' field",
                    "give every record a text, or set item_properties.text_key to the field that holds it");
        }
        ObjectNode rest = record.deepCopy();
        rest.remove(properties.idKey());
        rest.remove(properties.textKey());
        return new Item(id.asText(), text.asText(), rest.toString());
    }
}
