package dev.solo.config;

import java.util.Objects;

/** Which fields of a data record hold the item's id and its text. */
public record ItemProperties(String idKey, String textKey) {
    public static final ItemProperties DEFAULT = new ItemProperties("id", "text");

    public ItemProperties {
        idKey = Objects.requireNonNullElse(idKey, "id");
        textKey = Objects.requireNonNullElse(textKey, "text");
    }
}
