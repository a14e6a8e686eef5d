package dev.solo.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random sampling: the labeler trained on {@code budget} gold labels drawn uniformly at random, the
 * dataset scored with those labels counted right and the model's on the rest; one score per draw.
 */
final class RandomBaseline {
    private RandomBaseline() {
    }

    static List<GoldSet.Score> run(GoldSet data, int budget, int draws, long seed) {
        List<GoldSet.Score> scores = new ArrayList<>();
        for (int draw = 0; draw < draws; draw++) {
            List<String> shuffled = new ArrayList<>(data.ids());
            Collections.shuffle(shuffled, new Random(seed * 1000 + draw));
            List<String> labeled = shuffled.subList(0, Math.min(budget, shuffled.size()));
            scores.add(data.score(labeled, data.train(labeled)));
        }
        return scores;
    }
}
