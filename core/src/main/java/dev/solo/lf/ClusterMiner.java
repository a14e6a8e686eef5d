package dev.solo.lf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Proposes embedding-neighbourhood candidates from labeled item vectors: k-means++ over a random
 * sample of at most {@link #SAMPLE_SIZE} of them, then for each cluster a neighbourhood of its centre,
 * reaching no farther than the cluster's own farthest member, whose sampled items (members or not)
 * mostly carry one label: at least {@code minShare} of them, at least {@code minCoverage} of the
 * sample and at least {@link CandidateMiner#MIN_TEXTS}. Its similarity bound lies halfway between the
 * last item inside and the first outside. As with {@link CandidateMiner}, the labels may be the model's:
 * every candidate must then prove itself on human labels. Candidates come ranked by how many
 * sampled items they would label; the same examples and the same random source give the same ones.
 */
public final class ClusterMiner {
    static final int SAMPLE_SIZE = 10_000;
    static final int MAX_CLUSTERS = 32;
    private static final int MAX_ITERATIONS = 50;

    /** A labeled item's embedding. */
    public record Example(float[] vector, String label) {
    }

    private final double minCoverage;
    private final double minShare;

    public ClusterMiner(double minCoverage, double minShare) {
        this.minCoverage = minCoverage;
        this.minShare = minShare;
    }

    /** As {@link #neighbourhoods(int, IntFunction, Random, String)}, from a list. */
    public List<LabelingFunction> neighbourhoods(List<Example> examples, Random random, String idPrefix) {
        return neighbourhoods(examples.size(), examples::get, random, idPrefix);
    }

    /**
     * Candidates mined from {@code count} examples read by index; only the sampled ones are read, so
     * a caller need not hold every vector as floats. Candidate {@code n} (1-based, by rank) gets the
     * id {@code idPrefix + n}. Empty when there are too few examples to cluster.
     */
    public List<LabelingFunction> neighbourhoods(int count, IntFunction<Example> examples, Random random,
                                                 String idPrefix) {
        List<Example> sample = sample(count, examples, random);
        int minTexts = Math.max(CandidateMiner.MIN_TEXTS, (int) Math.ceil(minCoverage * sample.size()));
        // Clusters a few times the coverage asked for, so that the pure core of one can still cover enough.
        int k = (int) Math.min(Math.min(MAX_CLUSTERS, sample.size() / (2 * minTexts)),
                Math.round(1 / (4 * Math.max(minCoverage, 1e-9))));
        if (k < 1) {
            return List.of();
        }
        List<DoublePoint> points = new ArrayList<>(sample.size());
        // On the unit sphere, Euclidean k-means groups by the cosine similarity the functions fire on.
        sample.forEach(example -> points.add(new DoublePoint(unitDoubles(example.vector()))));
        JDKRandomGenerator generator = new JDKRandomGenerator();
        generator.setSeed(random.nextLong());
        List<CentroidCluster<DoublePoint>> clusters =
                new KMeansPlusPlusClusterer<DoublePoint>(k, MAX_ITERATIONS, new EuclideanDistance(), generator)
                        .cluster(points);
        Map<String, Integer> labelIndex = new HashMap<>();
        int[] labels = sample.stream()
                .mapToInt(example -> labelIndex.computeIfAbsent(example.label(), key -> labelIndex.size())).toArray();
        String[] labelNames = new String[labelIndex.size()];
        labelIndex.forEach((name, index) -> labelNames[index] = name);
        List<Neighbourhood> found = new ArrayList<>();
        for (CentroidCluster<DoublePoint> cluster : clusters) {
            if (!cluster.getPoints().isEmpty()) {
                neighbourhood(cluster, sample, labels, labelNames.length, minTexts).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparingInt(Neighbourhood::items).reversed());
        List<LabelingFunction> candidates = new ArrayList<>(found.size());
        for (Neighbourhood n : found) {
            candidates.add(new ClusterFunction(idPrefix + (candidates.size() + 1), n.centre(), n.minSimilarity(),
                    labelNames[n.label()]));
        }
        return candidates;
    }

    private record Neighbourhood(float[] centre, double minSimilarity, int label, int items) {
    }

    /**
     * Of the neighbourhoods of the cluster's centre within its extent, the one whose majority label
     * gains most: each item of that label counts 1, each other item {@code minShare / (1 - minShare)},
     * which is the cost at which an item of the precision asked for breaks even. It grows then
     * exactly as long as what it takes in is purer than {@code minShare}, so it stops at the gap
     * before noise rather than admitting noise up to the share, which no audit would pass.
     */
    private Optional<Neighbourhood> neighbourhood(CentroidCluster<DoublePoint> cluster, List<Example> sample,
                                                  int[] labels, int labelCount, int minTexts) {
        float[] mean = floats(cluster.getCenter().getPoint());
        double length = 0;
        for (float value : mean) {
            length += value * (double) value;
        }
        if (length == 0) {
            // Only zero vectors, or members cancelling out: a centre without a direction is near nothing.
            return Optional.empty();
        }
        float[] centre = ClusterFunction.unit(mean);
        double extent = Double.POSITIVE_INFINITY;
        for (DoublePoint member : cluster.getPoints()) {
            extent = Math.min(extent, ClusterFunction.similarity(centre, floats(member.getPoint())));
        }
        double[] similarity = new double[sample.size()];
        for (int i = 0; i < similarity.length; i++) {
            similarity[i] = ClusterFunction.similarity(centre, sample.get(i).vector());
        }
        Integer[] order = new Integer[similarity.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -similarity[i]).thenComparingInt(i -> i));
        double wrongCost = minShare >= 1 ? Double.MAX_VALUE : minShare / (1 - minShare);
        int[] counts = new int[labelCount];
        int top = -1;
        double bestGain = 0;
        Neighbourhood best = null;
        for (int m = 1; m <= order.length && similarity[order[m - 1]] >= extent; m++) {
            int label = labels[order[m - 1]];
            counts[label]++;
            if (top < 0 || counts[label] > counts[top]) {
                top = label;
            }
            boolean tiedWithNext = m < order.length && similarity[order[m]] == similarity[order[m - 1]];
            int wrong = m - counts[top];
            double gain = counts[top] - wrongCost * wrong;
            if (!tiedWithNext && m >= minTexts && gain > bestGain && (double) counts[top] / m >= minShare) {
                double inside = similarity[order[m - 1]];
                double bound = m < order.length ? (inside + similarity[order[m]]) / 2 : inside;
                bestGain = gain;
                best = new Neighbourhood(centre, Math.max(bound, Math.nextUp(-1.0)), top, m);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The first {@code size} positions of a Fisher-Yates shuffle, read in index order. */
    private static List<Example> sample(int count, IntFunction<Example> examples, Random random) {
        int size = Math.min(SAMPLE_SIZE, count);
        int[] positions = new int[count];
        Arrays.setAll(positions, i -> i);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(count - i);
            int swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
        }
        int[] chosen = Arrays.copyOf(positions, size);
        Arrays.sort(chosen);
        List<Example> sample = new ArrayList<>(size);
        for (int index : chosen) {
            sample.add(examples.apply(index));
        }
        return sample;
    }

    /** The vector at unit length; the zero vector stays as it is. */
    private static double[] unitDoubles(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * (double) value;
        }
        double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        double[] values = new double[vector.length];
        for (int d = 0; d < vector.length; d++) {
            values[d] = vector[d] * scale;
        }
        return values;
    }

    private static float[] floats(double[] vector) {
        float[] values = new float[vector.length];
        for (int d = 0; d < vector.length; d++) {
            values[d] = (float) vector[d];
        }
        return values;
    }
}
