package dev.solo.select;

import dev.solo.config.PhasesConfig.SortBy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Orders the items on which the sources disagree, as {@code sort_by} asks, and keeps at most
 * {@code max_instances}:
 * <ul>
 *   <li>confidence_gap: the smallest gap between the model's two most probable labels first;</li>
 *   <li>lf_disagreement: items whose functions' vote is not the model's first, the most functions
 *       against the model first, then by the gap;</li>
 *   <li>random: a uniform order.</li>
 * </ul>
 * Items on which every source agrees are left out.
 */
public final class DisagreementRanking {
    private static final Comparator<Disagreement> BY_GAP = Comparator.comparingDouble(Disagreement::margin)
            .thenComparing(Disagreement::itemId);

    private DisagreementRanking() {
    }

    public static List<Disagreement> rank(List<Disagreement> candidates, SortBy sortBy, int max, Random random) {
        List<Disagreement> disagreeing = new ArrayList<>(candidates.stream().filter(Disagreement::disagrees).toList());
        switch (sortBy) {
            case CONFIDENCE_GAP -> disagreeing.sort(BY_GAP);
            case LF_DISAGREEMENT -> disagreeing.sort(Comparator
                    .comparing((Disagreement item) -> !item.functionsDisagree())
                    .thenComparing(Comparator.comparingInt(Disagreement::functionsAgainst).reversed())
                    .thenComparing(BY_GAP));
            case RANDOM -> {
                disagreeing.sort(Comparator.comparing(Disagreement::itemId));
                Collections.shuffle(disagreeing, random);
            }
        }
        return List.copyOf(disagreeing.subList(0, Math.min(max, disagreeing.size())));
    }
}
