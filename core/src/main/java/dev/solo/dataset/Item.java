package dev.solo.dataset;

import java.util.Objects;

/** One text to label, with the other fields of its record kept as a JSON object. */
public record Item(String id, String text, String fieldsJson) {
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        fieldsJson = Objects.requireNonNullElse(fieldsJson, "{}");
    }
}
