package dev.solo.human;

import java.util.Objects;

/** What a person answered when shown an item. */
public record Answer(Kind kind, String label) {
    public enum Kind {
        /** A label from the scheme. */
        LABEL,
        /** Not this item; show another. */
        SKIP,
        /** Take back the previous answer and show that item again. */
        UNDO,
        /** Stop for now; everything answered is already saved. */
        QUIT
    }

    public Answer {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.LABEL) != (label != null)) {
            throw new IllegalArgumentException("a label answer carries a label, and only it");
        }
    }

    public static Answer label(String label) {
        return new Answer(Kind.LABEL, label);
    }

    public static Answer skip() {
        return new Answer(Kind.SKIP, null);
    }

    public static Answer undo() {
        return new Answer(Kind.UNDO, null);
    }

    public static Answer quit() {
        return new Answer(Kind.QUIT, null);
    }
}
