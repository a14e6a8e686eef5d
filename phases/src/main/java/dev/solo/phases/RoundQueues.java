package dev.solo.phases;

import dev.solo.select.QueueEntry;
import dev.solo.store.WorkflowLog;
import dev.solo.workflow.Phase;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The batches a phase queued in a round, as the phases that label in batches read them. */
final class RoundQueues {
    private RoundQueues() {
    }

    /**
     * Items queued in the round's batches from {@code batch} on: labels on them came after the
     * model of that point, so a model "through batch − 1" withholds them.
     */
    static Set<String> queuedFrom(WorkflowLog log, Phase phase, int round, int batch) {
        Set<String> items = new HashSet<>();
        for (int later = batch; ; later++) {
            List<QueueEntry> queue = log.queue(phase, round, later);
            if (queue.isEmpty()) {
                return items;
            }
            queue.forEach(entry -> items.add(entry.itemId()));
        }
    }

    /** Items queued in the round's batches before {@code batch}. */
    static Set<String> queuedBefore(WorkflowLog log, Phase phase, int round, int batch) {
        Set<String> items = new HashSet<>();
        for (int earlier = 1; earlier < batch; earlier++) {
            log.queue(phase, round, earlier).forEach(entry -> items.add(entry.itemId()));
        }
        return items;
    }

    /** How many batches the round queued, numbered from 1 without gaps. */
    static int batchCount(WorkflowLog log, Phase phase, int round) {
        int batches = 0;
        while (!log.queue(phase, round, batches + 1).isEmpty()) {
            batches++;
        }
        return batches;
    }
}
