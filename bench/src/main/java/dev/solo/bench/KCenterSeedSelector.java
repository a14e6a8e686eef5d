package dev.solo.bench;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.select.SeedSelector;
import dev.solo.select.QueueEntry;
import dev.solo.dataset.SelectableItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Greedy k-center (farthest-first traversal), the alternative to k-means++ the bench compares. */
final class KCenterSeedSelector implements SeedSelector {
    private final EmbeddingMatrix vectors;

    KCenterSeedSelector(EmbeddingMatrix vectors) {
        this.vectors = vectors;
    }

    @Override
    public List<QueueEntry> select(List<SelectableItem> items, int count, Random random) {
        int[] rows = items.stream().mapToInt(item -> vectors.row(item.id()).orElseThrow()).toArray();
        double[] nearestChosen = new double[rows.length];
        Arrays.fill(nearestChosen, Double.MAX_VALUE);
        List<QueueEntry> chosen = new ArrayList<>();
        int next = random.nextInt(rows.length);
        while (chosen.size() < Math.min(count, rows.length)) {
            chosen.add(new QueueEntry(items.get(next).id(), "k-center", ""));
            int farthest = 0;
            for (int i = 0; i < rows.length; i++) {
                double distance = 1 - vectors.similarity(rows[i], rows[next]);
                nearestChosen[i] = Math.min(nearestChosen[i], distance);
                if (nearestChosen[i] > nearestChosen[farthest]) {
                    farthest = i;
                }
            }
            next = farthest;
        }
        return chosen;
    }
}
