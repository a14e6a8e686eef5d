package dev.solo.human;

import dev.solo.workflow.Phase;
import java.util.Objects;

/**
 * Where the work stands when a person is asked something: shown at the top of every screen.
 *
 * @param taskName         the task's name from the config
 * @param batch            the batch within the phase, 0 when the phase has no batches
 * @param batchCount       the most batches the phase may run, 0 when it has none
 * @param done             answers given so far toward {@code target} in this phase (or batch)
 * @param humanLabelsTotal human labels in the store, over every phase
 */
public record Progress(String taskName, Phase phase, int batch, int batchCount, int done, int target,
                       long humanLabelsTotal) {
    public Progress {
        taskName = Objects.requireNonNullElse(taskName, "");
        Objects.requireNonNull(phase, "phase");
        if (batch < 0 || batchCount < 0 || done < 0 || target < 0 || humanLabelsTotal < 0) {
            throw new IllegalArgumentException("progress counts are never negative");
        }
    }

    /** A phase without batches or a labeling target (a review). */
    public static Progress of(String taskName, Phase phase, long humanLabelsTotal) {
        return new Progress(taskName, phase, 0, 0, 0, 0, humanLabelsTotal);
    }
}
