package dev.solo.store;

import java.util.Objects;

/** An item chosen for a person to label, and why it was chosen (shown on screen). */
public record QueueEntry(String itemId, String reason) {
    public QueueEntry {
        Objects.requireNonNull(itemId, "itemId");
        reason = Objects.requireNonNullElse(reason, "");
    }
}
