package dev.solo.lf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Sixteen-dimension vectors: tight clusters of one label or of two mixed, and noise scattered in
 * every direction.
 */
class ClusterMinerTest {
    private static final int DIMENSION = 16;
    private static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");

    @Test
    void aTightPureClusterBecomesACandidateWhoseBoundLeavesOutTheNoise() {
        List<ClusterMiner.Example> pure = around(0, 60, i -> "Positive");
        List<ClusterMiner.Example> noise = noise(200, List.of("Neutral", "Negative"));

        List<LabelingFunction> candidates = new ClusterMiner(0.05, 0.9)
                .neighbourhoods(mixed(pure, around(1, 60, i -> i % 2 == 0 ? "Positive" : "Negative"), noise),
                        new Random(7), "1.");

        assertThat(candidates).singleElement().isInstanceOfSatisfying(ClusterFunction.class, cluster -> {
            assertThat(cluster.label()).isEqualTo("Positive");
            assertThat(cluster.id()).isEqualTo("1.1");
            assertThat(pure).allMatch(example -> cluster.fires("", example.vector()));
            assertThat(noise).noneMatch(example -> cluster.fires("", example.vector()));
            assertThat(cluster.description()).matches("cluster 1\\.1: items with similarity >= 0\\.\\d\\d to its "
                    + "centre -> Positive");
        });
    }

    @Test
    void aClusterWhoseItemsCarryTwoLabelsIsNotProposed() {
        List<LabelingFunction> candidates = new ClusterMiner(0.05, 0.9)
                .neighbourhoods(mixed(around(1, 80, i -> i % 2 == 0 ? "Positive" : "Negative"), noise(200, LABELS)),
                        new Random(7), "");

        assertThat(candidates).isEmpty();
    }

    @Test
    void theSameExamplesAndRandomSeedGiveTheSameCandidates() {
        List<ClusterMiner.Example> examples = mixed(around(0, 60, i -> "Positive"), around(2, 60, i -> "Negative"),
                noise(200, LABELS));
        ClusterMiner miner = new ClusterMiner(0.05, 0.9);

        List<LabelingFunction> first = miner.neighbourhoods(examples, new Random(11), "");
        List<LabelingFunction> second = miner.neighbourhoods(examples, new Random(11), "");

        assertThat(first).hasSize(2).isEqualTo(second);
        assertThat(first).extracting(LabelingFunction::label).containsExactlyInAnyOrder("Positive", "Negative");
    }

    @Test
    void tooFewExamplesGiveNoCandidate() {
        assertThat(new ClusterMiner(0.05, 0.9).neighbourhoods(around(0, 6, i -> "Positive"), new Random(1), ""))
                .isEmpty();
    }

    /** {@code count} vectors close to axis {@code axis}. */
    private static List<ClusterMiner.Example> around(int axis, int count, IntFunction<String> label) {
        Random random = new Random(axis);
        List<ClusterMiner.Example> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] vector = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] = (float) (random.nextGaussian() * 0.05);
            }
            vector[axis] += 1;
            examples.add(new ClusterMiner.Example(vector, label.apply(i)));
        }
        return examples;
    }

    /** Vectors in random directions, each with one of {@code labels} at random. */
    private static List<ClusterMiner.Example> noise(int count, List<String> labels) {
        Random random = new Random(99);
        List<ClusterMiner.Example> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] vector = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] = (float) random.nextGaussian();
            }
            examples.add(new ClusterMiner.Example(vector, labels.get(random.nextInt(labels.size()))));
        }
        return examples;
    }

    @SafeVarargs
    private static List<ClusterMiner.Example> mixed(List<ClusterMiner.Example>... groups) {
        List<ClusterMiner.Example> all = new ArrayList<>();
        for (List<ClusterMiner.Example> group : groups) {
            all.addAll(group);
        }
        Collections.shuffle(all, new Random(5));
        return all;
    }
}
