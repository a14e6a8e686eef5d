package dev.solo.select;

import java.util.Objects;

/**
 * An item chosen for a person to label: the pool that chose it ("random", "diversity",
 * "uncertain", …) and what made it stand out there, both shown on screen and kept with the label.
 * {@code machineLabel} and {@code machineConfidence} are what the machine said about the item when
 * it was queued (null when no machine label existed yet): made by a model that had not learned the
 * person's label, they let a randomly chosen item check the machine without bias.
 */
public record QueueEntry(String itemId, String pool, String detail, String machineLabel, Double machineConfidence) {
    public QueueEntry {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(pool, "pool");
        detail = Objects.requireNonNullElse(detail, "");
        if ((machineLabel == null) != (machineConfidence == null)) {
            throw new IllegalArgumentException("a machine label needs its confidence, and only then: " + itemId);
        }
    }

    public QueueEntry(String itemId, String pool, String detail) {
        this(itemId, pool, detail, null, null);
    }

    /** The same entry, recording the machine's label for the item at the time it was queued. */
    public QueueEntry withMachineLabel(String label, double confidence) {
        return new QueueEntry(itemId, pool, detail, label, confidence);
    }

    /** "diversity: nearest the centre of cluster 3 of 50", or the pool alone. */
    public String reason() {
        return detail.isEmpty() ? pool : pool + ": " + detail;
    }
}
