package dev.solo.guidelines;

import java.time.Instant;
import java.util.Objects;

/**
 * How one round's guideline review ended: who decided (the person, or e.g. "oracle (--approve
 * none)"), how many edits were proposed, approved as they stood, edited, and added by the person,
 * and the guideline version it left in force.
 */
public record GuidelineReview(int round, String decidedBy, int proposed, int approved, int edited, int added,
                              int resultingVersion, Instant decidedAt) {
    public GuidelineReview {
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    public int accepted() {
        return approved + edited + added;
    }
}
