package dev.solo.dataset;

/** What became of an item offered to an import; for a duplicate, where the id was first seen. */
public record ImportOutcome(Kind kind, String firstFile, long firstLine) {
    public static final ImportOutcome ADDED = new ImportOutcome(Kind.ADDED, null, 0);
    public static final ImportOutcome ALREADY_STORED = new ImportOutcome(Kind.ALREADY_STORED, null, 0);
    public static final ImportOutcome TEXT_CHANGED = new ImportOutcome(Kind.TEXT_CHANGED, null, 0);

    public enum Kind {
        ADDED,
        ALREADY_STORED,
        /** A known id whose text in the file differs from the stored one; the stored text is kept. */
        TEXT_CHANGED,
        /** The same id appeared earlier in this very import. */
        DUPLICATE
    }
}
