package dev.solo.dataset;

/** What seed selection needs to know of an item without reading its text. */
public record SelectableItem(String id, int textLength, String stratum) {
}
