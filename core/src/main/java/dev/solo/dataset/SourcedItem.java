package dev.solo.dataset;

import java.nio.file.Path;

/** An item as read from a data file, with where it was read, for messages. */
public record SourcedItem(Item item, Path file, long line) {
}
