package dev.solo.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.config.PhasesConfig.SearchStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The search scores the variant in use first, stays within its budget, and the bayesian one finds a peak sooner. */
class VariantSearchTest {
    /** A 10×10 grid of variants on two features, with one smooth peak away from variant 0. */
    private static final double[][] GRID = grid();

    private static double[][] grid() {
        double[][] features = new double[100][];
        for (int i = 0; i < 100; i++) {
            features[i] = new double[] {i / 10 / 3.0, i % 10 / 3.0};
        }
        return features;
    }

    private static double objective(int variant, int peak) {
        double dx = GRID[variant][0] - GRID[peak][0];
        double dy = GRID[variant][1] - GRID[peak][1];
        return Math.exp(-(dx * dx + dy * dy) / 2);
    }

    @Test
    void theVariantInUseComesFirstAndTheBudgetHolds() {
        for (SearchStrategy strategy : SearchStrategy.values()) {
            Map<Integer, Double> scored = VariantSearch.run(strategy, GRID, 7, new Random(1), i -> objective(i, 77));

            assertThat(scored).as("%s", strategy).hasSize(7);
            assertThat(scored.keySet().iterator().next()).isZero();
        }
        assertThat(VariantSearch.run(SearchStrategy.GRID, GRID, 4, new Random(1), i -> 0.0).keySet()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void bayesianSearchFindsThePeakInFewerScoresThanRandomOnAverage() {
        double bayesian = 0;
        double random = 0;
        int runs = 40;
        for (int run = 0; run < runs; run++) {
            int peak = 11 + new Random(run).nextInt(89);
            bayesian += scoresToFind(SearchStrategy.BAYESIAN, peak, run);
            random += scoresToFind(SearchStrategy.RANDOM, peak, run);
        }
        assertThat(bayesian / runs).as("mean scores to the peak: bayesian").isLessThan(0.6 * random / runs);
    }

    /** How many variants a search scores before it has scored the peak. */
    private static int scoresToFind(SearchStrategy strategy, int peak, int seed) {
        List<Integer> order = new ArrayList<>(VariantSearch.run(strategy, GRID, 100, new Random(seed),
                i -> objective(i, peak)).keySet());
        return order.indexOf(peak) + 1;
    }
}
