package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.lf.FunctionRecord;
import dev.solo.select.QueueEntry;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labeling functions are mined again in a refinement round: only names no earlier round proposed
 * are candidates, and the functions kept before are carried in with their audit, never audited
 * again; with max_functions already filled by them, nothing new is audited either.
 */
class FunctionRoundTest {
    /**
     * Plain words give the labels away, each in a third of the texts; the model cannot read the
     * Neutral or the Negative films (past its window), so rules on the Negative films' words fix
     * its labels.
     */
    private static final IntFunction<String> WORDS = i -> switch (i % 3) {
        case 0 -> "a great film number " + i;
        case 1 -> TaskFixture.pastTheWindow("a meh film number " + i);
        default -> TaskFixture.pastTheWindow("an awful film number " + i);
    };

    @TempDir
    Path dir;

    private final List<String> announcements = new ArrayList<>();

    @Test
    void aRefinementRoundProposesOnlyWhatIsNewAndCarriesTheKeptFunctionsWithTheirAudit() throws IOException {
        // max_functions 2: phase 5 proposes at most the 6 widest words (3 per function kept).
        TaskFixture task = TaskFixture.create(dir, 900, 45, "random", """
                    labeling_functions: {min_coverage: 0.01, min_precision: 0.85, max_functions: 2, types: [keyword_match]}
                    active_labeling: {batch_size: 20, max_batches: 2, min_random_share: 0.2}
                    refinement_loop: {max_iterations: 1}
                  accuracy_threshold: 0.9999
                """, WORDS);

        task.workflow(Optional.of(new ScriptedAnnotator()), 3, announcements::add)
                .run(finished -> finished == Phase.REFINEMENT_LOOP);

        List<FunctionRecord> first = task.store.functions().of(1);
        Set<String> keptFirst = names(first, FunctionRecord.Status.ENABLED);
        assertThat(first).hasSizeLessThanOrEqualTo(6);
        assertThat(keptFirst).hasSize(2);
        int round = task.store.workflow().state().round();
        List<FunctionRecord> later = task.store.functions().of(round);
        assertThat(later.subList(0, 2)).as("carried first, as they were").extracting(record -> record.function().name())
                .containsExactlyInAnyOrderElementsOf(keptFirst);
        Set<String> proposedLater = names(later.subList(2, later.size()), null);
        assertThat(proposedLater).as("new candidates only").isNotEmpty().doesNotContainAnyElementsOf(names(first, null));
        for (int index = 0; index < 2; index++) {
            List<String> carriedAudit = ids(task.store.workflow().queue(Phase.LABELING_FUNCTIONS, round, index + 1));
            assertThat(carriedAudit).as("a carried function's audit is the one it brought")
                    .containsExactlyElementsOf(ids(task.store.workflow().queue(Phase.LABELING_FUNCTIONS, 1,
                            positionIn(first, later.get(index).function().name()) + 1)));
        }
        assertThat(task.store.humans().labelCount(Phase.LABELING_FUNCTIONS, round))
                .as("max_functions is filled by the carried functions: nothing is audited").isZero();
        assertThat(names(later, FunctionRecord.Status.ENABLED)).isEqualTo(keptFirst);
        assertThat(task.store.setups().current().enabledFunctions()).containsExactlyInAnyOrderElementsOf(keptFirst);
        assertThat(announcements).anyMatch(line -> line.startsWith("Phase 7 (Refinement Loop) finished:")
                && line.contains("labeling functions: 2 of " + later.size() + " candidate labeling functions proven and kept"));
        task.close();
    }

    private static int positionIn(List<FunctionRecord> records, String name) {
        for (int index = 0; index < records.size(); index++) {
            if (records.get(index).function().name().equals(name)) {
                return index;
            }
        }
        throw new AssertionError(name + " is not among " + records);
    }

    private static Set<String> names(List<FunctionRecord> records, FunctionRecord.Status status) {
        return records.stream().filter(record -> status == null || record.status() == status)
                .map(record -> record.function().name()).collect(Collectors.toSet());
    }

    private static List<String> ids(List<QueueEntry> queue) {
        return queue.stream().map(QueueEntry::itemId).toList();
    }
}
