package dev.solo.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Edge cases mined at each confusion pair's boundary: shared by errors, closest first, not near-duplicates. */
class BoundaryMiningTest {
    private static final List<BoundaryMining.Pair> PAIRS = List.of(
            new BoundaryMining.Pair("Neutral", "Negative", 30), new BoundaryMining.Pair("Positive", "Neutral", 10));

    private static List<BoundaryMining.Candidate> candidates() {
        List<BoundaryMining.Candidate> list = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            list.add(new BoundaryMining.Candidate("nn-" + i, i % 2 == 0 ? "Neutral" : "Negative",
                    i % 2 == 0 ? "Negative" : "Neutral", i / 100.0, 0.5 + i / 200.0));
            list.add(new BoundaryMining.Candidate("pn-" + i, "Positive", "Neutral", i / 100.0, 0.5 + i / 200.0));
            list.add(new BoundaryMining.Candidate("pg-" + i, "Positive", "Negative", i / 1000.0, 0.5));
        }
        return list;
    }

    @Test
    void theCountIsSharedByErrorsAndOnlyItemsBetweenThePairAreChosen() {
        List<QueueEntry> chosen = BoundaryMining.choose(candidates(), PAIRS, 20, 0.0, (a, b) -> 0.0);

        Map<String, Long> byPair = chosen.stream().collect(Collectors.groupingBy(e -> e.itemId().substring(0, 2),
                Collectors.counting()));
        assertThat(byPair).containsOnlyKeys("nn", "pn").containsEntry("nn", 15L).containsEntry("pn", 5L);
        assertThat(chosen).allSatisfy(entry -> assertThat(entry.pool()).isEqualTo(BoundaryMining.POOL));
        assertThat(chosen.get(0).detail()).isEqualTo("Neutral vs Negative, margin 0.00");
        assertThat(chosen.get(0).machineLabel()).isEqualTo("Neutral");
    }

    @Test
    void withoutDiversityTheSmallestMarginsComeFirst() {
        List<QueueEntry> chosen = BoundaryMining.choose(candidates(), PAIRS, 20, 0.0, (a, b) -> 0.0);

        assertThat(chosen.subList(0, 15)).extracting(QueueEntry::itemId)
                .containsExactly("nn-0", "nn-1", "nn-2", "nn-3", "nn-4", "nn-5", "nn-6", "nn-7", "nn-8", "nn-9", "nn-10",
                        "nn-11", "nn-12", "nn-13", "nn-14");
    }

    @Test
    void diversityKeepsNearDuplicatesOut() {
        // Even-numbered Neutral/Negative items are copies of one another; odd ones are all different.
        List<QueueEntry> chosen = BoundaryMining.choose(candidates(), PAIRS, 20, 0.5,
                (a, b) -> a.startsWith("nn-") && b.startsWith("nn-") && number(a) % 2 == 0 && number(b) % 2 == 0 ? 0.99 : 0.1);

        long copies = chosen.stream().filter(e -> e.itemId().startsWith("nn-") && number(e.itemId()) % 2 == 0).count();
        assertThat(copies).isEqualTo(1);
        assertThat(chosen).filteredOn(e -> e.itemId().startsWith("nn-")).hasSize(15);
    }

    @Test
    void aPairWithTooFewCandidatesPassesItsShareOn() {
        List<BoundaryMining.Candidate> few = new ArrayList<>(candidates().stream()
                .filter(c -> !c.itemId().startsWith("nn-") || number(c.itemId()) < 3).toList());

        List<QueueEntry> chosen = BoundaryMining.choose(few, PAIRS, 20, 0.3, (a, b) -> 0.0);

        assertThat(chosen).hasSize(20);
        assertThat(chosen).filteredOn(e -> e.itemId().startsWith("nn-")).hasSize(3);
        assertThat(chosen).extracting(QueueEntry::itemId).doesNotHaveDuplicates();
    }

    @Test
    void quotasFollowTheErrorsByLargestRemainder() {
        assertThat(BoundaryMining.quotas(List.of(new BoundaryMining.Pair("a", "b", 2), new BoundaryMining.Pair("c", "d", 1)),
                10)).containsExactly(7, 3);
        assertThat(BoundaryMining.quotas(List.of(new BoundaryMining.Pair("a", "b", 0), new BoundaryMining.Pair("c", "d", 0)),
                5)).containsExactly(3, 2);
    }

    private static int number(String id) {
        return Integer.parseInt(id.substring(id.indexOf('-') + 1));
    }
}
