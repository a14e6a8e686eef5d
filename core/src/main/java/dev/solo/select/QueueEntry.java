package dev.solo.select;

import java.util.Objects;

/**
 * An item chosen for a person to label: the pool that chose it ("random", "diversity",
 * "uncertain", …) and what made it stand out there, both shown on screen and kept with the label.
 */
public record QueueEntry(String itemId, String pool, String detail) {
    public QueueEntry {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(pool, "pool");
        detail = Objects.requireNonNullElse(detail, "");
    }

    /** "diversity: nearest the centre of cluster 3 of 50", or the pool alone. */
    public String reason() {
        return detail.isEmpty() ? pool : pool + ": " + detail;
    }
}
