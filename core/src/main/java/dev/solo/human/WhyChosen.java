package dev.solo.human;

import java.util.Objects;

/**
 * Why an item was put before the person.
 *
 * @param pool   the pool or selection that chose it, e.g. "uncertain", "random sample"
 * @param detail what made it qualify, e.g. "model 0.52 Positive / 0.41 Neutral"; may be empty
 */
public record WhyChosen(String pool, String detail) {
    public WhyChosen {
        Objects.requireNonNull(pool, "pool");
        detail = Objects.requireNonNullElse(detail, "");
    }

    public static WhyChosen of(String pool) {
        return new WhyChosen(pool, "");
    }

    /** "uncertain (model 0.52 Positive / 0.41 Neutral)", or the pool alone. */
    public String describe() {
        return detail.isEmpty() ? pool : pool + " (" + detail + ")";
    }
}
