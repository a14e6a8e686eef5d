package dev.solo.phases;

import java.util.Objects;

/** A runner's outcome and a one-line summary for the person ("50 seed labels saved"). */
public record PhaseResult(Outcome outcome, String summary) {
    public PhaseResult {
        Objects.requireNonNull(outcome, "outcome");
        summary = Objects.requireNonNullElse(summary, "");
    }
}
