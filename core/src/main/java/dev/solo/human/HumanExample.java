package dev.solo.human;

/** An item's human label in force: what models learn from and are measured against. */
public record HumanExample(String itemId, String label) {
}
