package dev.solo.labeler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Assigns examples to cross-validation folds so that each fold holds every label in proportion. */
public final class Folds {
    private Folds() {
    }

    /** The fold (0 to {@code folds}-1) of each example, given each example's label. */
    public static int[] stratified(List<String> labels, int folds, Random random) {
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byLabel.computeIfAbsent(labels.get(i), label -> new ArrayList<>()).add(i);
        }
        int[] foldOf = new int[labels.size()];
        int next = 0;
        for (List<Integer> indices : byLabel.values()) {
            Collections.shuffle(indices, random);
            for (int index : indices) {
                foldOf[index] = next;
                next = (next + 1) % folds;
            }
        }
        return foldOf;
    }
}
