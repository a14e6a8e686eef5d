package dev.solo.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Escalation asks about the least confident labels, with random controls from the rest mixed in. */
class EscalationBatchTest {
    private static List<EscalationBatch.Candidate> candidates(int n) {
        List<EscalationBatch.Candidate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new EscalationBatch.Candidate("item-" + i, "Positive", (i + 1.0) / (n + 1)));
        }
        return list;
    }

    @Test
    void theLeastConfidentComeFirstAndTheControlsFromTheRest() {
        List<QueueEntry> batch = EscalationBatch.choose(candidates(200), 25, 2, new Random(3));

        assertThat(batch).hasSize(25);
        Set<String> lowest = batch.stream().filter(e -> e.pool().equals(EscalationBatch.LEAST_CONFIDENT))
                .map(QueueEntry::itemId).collect(Collectors.toSet());
        assertThat(lowest).hasSize(23).allMatch(id -> Integer.parseInt(id.substring(5)) < 23);
        assertThat(batch).filteredOn(e -> e.pool().equals(EscalationBatch.RANDOM)).hasSize(2)
                .allMatch(e -> Integer.parseInt(e.itemId().substring(5)) >= 23);
        assertThat(batch).allSatisfy(e -> assertThat(e.machineLabel()).isEqualTo("Positive"));
    }

    @Test
    void controlsAreMixedInNotAppended() {
        int controlsLast = 0;
        for (int seed = 0; seed < 50; seed++) {
            List<QueueEntry> batch = EscalationBatch.choose(candidates(200), 20, 1, new Random(seed));
            controlsLast += batch.get(19).pool().equals(EscalationBatch.RANDOM) ? 1 : 0;
        }
        assertThat(controlsLast).isLessThan(10);
    }

    @Test
    void theControlsAreSpreadOverTheWholeRest() {
        int high = 0;
        for (int seed = 0; seed < 200; seed++) {
            for (QueueEntry entry : EscalationBatch.choose(candidates(1000), 10, 1, new Random(seed))) {
                if (entry.pool().equals(EscalationBatch.RANDOM) && Integer.parseInt(entry.itemId().substring(5)) >= 500) {
                    high++;
                }
            }
        }
        // Uniform over items 9..999: about half of 200 draws land in the upper half.
        assertThat(high).isBetween(75, 125);
    }

    @Test
    void fewerCandidatesThanABatchAreAllAsked() {
        assertThat(EscalationBatch.choose(candidates(3), 25, 2, new Random(1))).hasSize(3)
                .extracting(QueueEntry::itemId).containsExactlyInAnyOrder("item-0", "item-1", "item-2");
    }
}
