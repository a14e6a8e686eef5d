package dev.solo.select;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.select.QueueEntry;
import dev.solo.dataset.SelectableItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Seeds that cover the dataset's topics: k-means++ over the sentence embeddings of a random
 * sample (at most {@link #SAMPLE_SIZE} items, so that a person starts labeling within a minute
 * even on a million items), one cluster per seed, and from each cluster the item nearest its
 * centre. Largest clusters come first; after one item per cluster the queue goes on with each
 * cluster's next-nearest items, which stand in for skipped ones.
 */
public final class DiversitySeedSelector implements SeedSelector {
    static final int SAMPLE_SIZE = 10_000;
    private static final int MAX_ITERATIONS = 100;

    private final Function<List<String>, EmbeddingMatrix> embed;
    private final int clusters;

    /** {@code embed} returns the vectors of the given items; {@code clusters} is the seed size. */
    public DiversitySeedSelector(Function<List<String>, EmbeddingMatrix> embed, int clusters) {
        this.embed = embed;
        this.clusters = clusters;
    }

    @Override
    public List<QueueEntry> select(List<SelectableItem> items, int count, Random random) {
        int[] sample = RandomSeedSelector.partialShuffle(items.size(), Math.min(SAMPLE_SIZE, items.size()), random);
        List<String> sampleIds = new ArrayList<>(sample.length);
        for (int index : sample) {
            sampleIds.add(items.get(index).id());
        }
        EmbeddingMatrix vectors = embed.apply(sampleIds);
        List<DoublePoint> points = new ArrayList<>(sampleIds.size());
        for (String id : sampleIds) {
            points.add(new IndexedPoint(vectors.vector(vectors.row(id).orElseThrow()), id));
        }
        int k = Math.min(clusters, points.size());
        JDKRandomGenerator generator = new JDKRandomGenerator();
        generator.setSeed(random.nextLong());
        List<CentroidCluster<DoublePoint>> found =
                new KMeansPlusPlusClusterer<DoublePoint>(k, MAX_ITERATIONS, new EuclideanDistance(), generator)
                        .cluster(points);
        List<List<String>> byNearness = found.stream()
                .filter(cluster -> !cluster.getPoints().isEmpty())
                .sorted(Comparator.comparingInt((CentroidCluster<DoublePoint> cluster) -> cluster.getPoints().size())
                        .reversed())
                .map(DiversitySeedSelector::membersNearestFirst)
                .toList();
        return interleave(byNearness, Math.min(count, items.size()));
    }

    private static List<String> membersNearestFirst(CentroidCluster<DoublePoint> cluster) {
        double[] centre = cluster.getCenter().getPoint();
        EuclideanDistance distance = new EuclideanDistance();
        return cluster.getPoints().stream()
                .sorted(Comparator.comparingDouble((DoublePoint point) -> distance.compute(point.getPoint(), centre))
                        .thenComparing(point -> ((IndexedPoint) point).itemId))
                .map(point -> ((IndexedPoint) point).itemId)
                .toList();
    }

    private static List<QueueEntry> interleave(List<List<String>> clusters, int count) {
        List<QueueEntry> queue = new ArrayList<>(count);
        for (int depth = 0; queue.size() < count; depth++) {
            boolean any = false;
            for (int c = 0; c < clusters.size() && queue.size() < count; c++) {
                List<String> members = clusters.get(c);
                if (depth < members.size()) {
                    any = true;
                    String detail = depth == 0
                            ? "nearest the centre of cluster " + (c + 1) + " of " + clusters.size()
                            : "stand-in from cluster " + (c + 1);
                    queue.add(new QueueEntry(members.get(depth), "diversity", detail));
                }
            }
            if (!any) {
                break;
            }
        }
        return queue;
    }

    /** A point that remembers its item. */
    private static final class IndexedPoint extends DoublePoint {
        private final String itemId;

        IndexedPoint(float[] vector, String itemId) {
            super(toDoubles(vector));
            this.itemId = itemId;
        }

        private static double[] toDoubles(float[] vector) {
            double[] values = new double[vector.length];
            for (int d = 0; d < vector.length; d++) {
                values[d] = vector[d];
            }
            return values;
        }
    }
}
