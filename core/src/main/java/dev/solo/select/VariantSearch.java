package dev.solo.select;

import dev.solo.config.PhasesConfig.SearchStrategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Which of a discrete set of variants to score, within a budget: {@code grid} takes them in their
 * order, {@code random} in a seeded random order, {@code bayesian} sequentially, each next the one
 * with the largest expected improvement under a Gaussian-process surrogate (squared-exponential
 * kernel over the variants' features) fitted to the scores so far. Variant 0, the one in use, is
 * always scored first, so a search never ends on something worse than what runs.
 */
public final class VariantSearch {
    private static final double LENGTH_SCALE = 1.0;
    private static final double NOISE = 1e-4;
    private static final NormalDistribution NORMAL = new NormalDistribution();

    private VariantSearch() {
    }

    /** Variant index to its score, in the order they were scored; {@code features}: one row per variant. */
    public static Map<Integer, Double> run(SearchStrategy strategy, double[][] features, int budget, Random random,
                                           IntToDoubleFunction score) {
        int n = features.length;
        Map<Integer, Double> scored = new LinkedHashMap<>();
        int limit = Math.min(budget, n);
        if (limit == 0) {
            return scored;
        }
        scored.put(0, score.applyAsDouble(0));
        if (strategy == SearchStrategy.BAYESIAN) {
            while (scored.size() < limit) {
                int next = scored.size() == 1 ? randomUnscored(n, scored, random) : bestExpectedImprovement(features, scored);
                scored.put(next, score.applyAsDouble(next));
            }
            return scored;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            order.add(i);
        }
        if (strategy == SearchStrategy.RANDOM) {
            Collections.shuffle(order, random);
        }
        for (int i = 0; scored.size() < limit; i++) {
            scored.put(order.get(i), score.applyAsDouble(order.get(i)));
        }
        return scored;
    }

    private static int randomUnscored(int n, Map<Integer, Double> scored, Random random) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!scored.containsKey(i)) {
                open.add(i);
            }
        }
        return open.get(random.nextInt(open.size()));
    }

    /** The unscored variant whose expected improvement over the best score so far is largest. */
    static int bestExpectedImprovement(double[][] features, Map<Integer, Double> scored) {
        List<Integer> seen = new ArrayList<>(scored.keySet());
        int m = seen.size();
        double mean = scored.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double spread = Math.max(1e-6, Math.sqrt(scored.values().stream()
                .mapToDouble(v -> (v - mean) * (v - mean)).sum() / m));
        RealMatrix k = MatrixUtils.createRealMatrix(m, m);
        RealVector y = MatrixUtils.createRealVector(new double[m]);
        for (int a = 0; a < m; a++) {
            y.setEntry(a, (scored.get(seen.get(a)) - mean) / spread);
            for (int b = 0; b < m; b++) {
                k.setEntry(a, b, kernel(features[seen.get(a)], features[seen.get(b)]) + (a == b ? NOISE : 0));
            }
        }
        CholeskyDecomposition cholesky = new CholeskyDecomposition(k);
        RealVector alpha = cholesky.getSolver().solve(y);
        double best = y.getMaxValue();
        int choice = -1;
        double bestImprovement = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < features.length; i++) {
            if (scored.containsKey(i)) {
                continue;
            }
            RealVector kStar = MatrixUtils.createRealVector(new double[m]);
            for (int a = 0; a < m; a++) {
                kStar.setEntry(a, kernel(features[i], features[seen.get(a)]));
            }
            double mu = kStar.dotProduct(alpha);
            double variance = Math.max(1e-12, 1 - kStar.dotProduct(cholesky.getSolver().solve(kStar)));
            double sigma = Math.sqrt(variance);
            double z = (mu - best) / sigma;
            double improvement = (mu - best) * NORMAL.cumulativeProbability(z) + sigma * NORMAL.density(z);
            if (improvement > bestImprovement) {
                bestImprovement = improvement;
                choice = i;
            }
        }
        return choice;
    }

    private static double kernel(double[] a, double[] b) {
        double distance = 0;
        for (int d = 0; d < a.length; d++) {
            distance += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return Math.exp(-distance / (2 * LENGTH_SCALE * LENGTH_SCALE));
    }
}
