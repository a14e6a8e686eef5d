package dev.solo.human;

import java.time.Instant;
import java.util.Objects;

/**
 * A second annotator's answer on an item the first already labeled, kept apart from the labels
 * in force: what agreement is measured on. {@code value} is null for a skip.
 */
public record SecondLabel(String itemId, String schemaName, String value, String annotator, Instant createdAt,
                          long answerMillis) {
    public SecondLabel {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(schemaName, "schemaName");
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
