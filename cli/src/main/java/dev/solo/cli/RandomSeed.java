package dev.solo.cli;

import dev.solo.SoloInputException;
import dev.solo.store.WorkflowLog;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The task's random seed, decided in one place for a run and for a dry run: the seed stored with
 * the task; else {@code --seed}; else a fresh random one. It is stored on the task's first start,
 * after the data imported, and a different {@code --seed} later is refused.
 */
final class RandomSeed {
    private RandomSeed() {
    }

    /** Refuses a {@code --seed} other than the stored one: called before anything is written. */
    static void refuseAnother(WorkflowLog workflow, Long requested) {
        Optional<Long> stored = workflow.randomSeed();
        if (stored.isPresent() && requested != null && !requested.equals(stored.get())) {
            throw new SoloInputException(null, "this task was started with --seed " + stored.get()
                    + ", not " + requested, "omit --seed, or delete the task's .solo folder to start over");
        }
    }

    static long settle(WorkflowLog workflow, Long requested) {
        refuseAnother(workflow, requested);
        Optional<Long> stored = workflow.randomSeed();
        if (stored.isPresent()) {
            return stored.get();
        }
        long chosen = requested != null ? requested : new SecureRandom().nextLong();
        workflow.saveRandomSeed(chosen);
        return chosen;
    }
}
