package dev.solo.metrics;

import dev.solo.workflow.Phase;
import java.time.Instant;
import java.util.Objects;

/** An accuracy report as stored: made after batch {@code batch} of a phase in a round. */
public record AccuracyRecord(Phase phase, int round, int batch, AccuracyReport report, Instant createdAt) {
    public AccuracyRecord {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
