package dev.solo.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The estimator is checked against populations whose truth is known: many simulated runs per
 * setting, counting how often the interval holds the true accuracy of the machine labels.
 */
class AccuracyEstimatorTest {
    private static final int POPULATION = 5_000;
    private static final int RUNS = 1_000;
    private static final int[] CHECK_COUNTS = {10, 30, 100, 300};

    /** Confidence shapes: most mass near 1 (mean 0.85), and flat on [0.4, 1] (mean 0.7). */
    private static final Map<String, DoubleUnaryOperator> SHAPES = Map.of(
            "skewed", u -> 1 - 0.6 * u * u * u,
            "uniform", u -> 0.4 + 0.6 * u);

    /** True chance that a label with confidence c is right. */
    private static final Map<String, DoubleUnaryOperator> CALIBRATIONS = new LinkedHashMap<>();

    static {
        CALIBRATIONS.put("calibrated", c -> c);
        CALIBRATIONS.put("over-confident", c -> Math.max(0, c - 0.10));
        CALIBRATIONS.put("under-confident", c -> 1 - 0.5 * (1 - c));
        // Badly over-confident below 0.75, slightly under-confident above: one bin can't see it.
        CALIBRATIONS.put("by-region", c -> c < 0.75 ? c - 0.25 : Math.min(1, c + 0.05));
    }

    private static final Map<String, Coverage> TABLE = new LinkedHashMap<>();

    @BeforeAll
    static void simulate() {
        long seed = 1;
        for (String shape : List.of("skewed", "uniform")) {
            for (Map.Entry<String, DoubleUnaryOperator> calibration : CALIBRATIONS.entrySet()) {
                Population population = Population.draw(SHAPES.get(shape), calibration.getValue(), seed++);
                for (int n : CHECK_COUNTS) {
                    TABLE.put(shape + " " + calibration.getKey() + " n=" + n,
                            population.coverage(n, seed++, true));
                }
            }
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-32s %9s %10s %11s %6s%n",
                "setting", "coverage", "low>truth", "half-width", "truth"));
        TABLE.forEach((setting, coverage) -> table.append(String.format(Locale.ROOT, "%-32s %9.3f %10.3f %11.3f %6.3f%n",
                setting, coverage.covered(), coverage.lowAbove(), coverage.halfWidth(), coverage.truth())));
        System.out.print(table);
    }

    @Test
    void intervalHoldsTheTruthAtLeast92PercentOfTheTimeInEverySetting() {
        TABLE.forEach((setting, coverage) ->
                assertThat(coverage.covered()).as(setting).isGreaterThanOrEqualTo(0.92));
    }

    /**
     * Not at n=10: with ten right-or-wrong answers and accuracy of 0.84 to 0.93, the upper end is
     * 1.0 and the lower end can only overshoot when all ten happen to be right, which is common
     * (a fifth to a half of runs). An interval honest about those covers nearly every run.
     */
    @Test
    void intervalIsNotWiderThanItNeedsToBeFromThirtyChecksOn() {
        TABLE.forEach((setting, coverage) -> {
            if (!setting.endsWith("n=10")) {
                assertThat(coverage.covered()).as(setting).isLessThanOrEqualTo(0.995);
            }
        });
    }

    @Test
    void lowerBoundOverstatesTheTruthInAtMostFourPercentOfRuns() {
        TABLE.forEach((setting, coverage) ->
                assertThat(coverage.lowAbove()).as(setting).isLessThanOrEqualTo(0.04));
    }

    @Test
    void threeHundredChecksPinAWellCalibratedModelWithinFivePoints() {
        Coverage coverage = TABLE.get("skewed calibrated n=300");

        assertThat(coverage.truth()).isCloseTo(0.85, within(0.02));
        assertThat(coverage.halfWidth()).isLessThan(0.05);
    }

    @Test
    void binsTightenTheIntervalWhenMiscalibrationDiffersByRegion() {
        Population population = Population.draw(SHAPES.get("skewed"), CALIBRATIONS.get("by-region"), 99);

        Coverage binned = population.coverage(300, 100, true);
        Coverage oneBin = population.coverage(30, 100, true);

        // Ten times the checks would shrink an unbinned interval by sqrt(10); bins do better.
        assertThat(binned.halfWidth()).isLessThan(oneBin.halfWidth() / Math.sqrt(10));
    }

    @Test
    void tenChecksOfANearlyPerfectModelStillCoverOnlyThanksToTheGuard() {
        Population population = Population.draw(u -> 0.98 + 0.02 * u, c -> c, 7);

        Coverage guarded = population.coverage(10, 8, true);
        Coverage unguarded = population.coverage(10, 8, false);

        System.out.printf(Locale.ROOT, "near-perfect n=10: coverage %.3f guarded, %.3f unguarded; half-width %.3f%n",
                guarded.covered(), unguarded.covered(), guarded.halfWidth());
        assertThat(guarded.covered()).isBetween(0.92, 1.0);
        assertThat(guarded.lowAbove()).isLessThanOrEqualTo(0.04);
        assertThat(unguarded.covered()).isLessThan(0.5);
    }

    @Test
    void allChecksRightAtFullConfidenceStillGiveAnInterval() {
        List<RandomCheck> checks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            checks.add(new RandomCheck(1.0, true));
        }

        Estimate machine = AccuracyEstimator.estimate(new double[] {1.0, 1.0, 1.0}, checks, 10).orElseThrow().machine();

        assertThat(machine.value()).isEqualTo(1.0);
        assertThat(machine.low()).isLessThan(0.9);
    }

    @Test
    void humanLabelsCountedAsRightHalveTheGapWhenTheyAreHalfTheData() {
        Estimate machine = new Estimate(0.8, 0.7, 0.86, "30 random labels and calibrated confidence");

        Estimate dataset = AccuracyEstimator.dataset(machine, 1_000, 1_000);

        assertThat(dataset.value()).isCloseTo(0.9, within(1e-12));
        assertThat(dataset.high() - dataset.low()).isCloseTo((machine.high() - machine.low()) / 2, within(1e-12));
        assertThat(dataset.basis())
                .isEqualTo("30 random labels and calibrated confidence; 1000 human labels counted as right");
    }

    @Test
    void aSampleOfTheMachineConfidencesGivesTheEstimateOfTheWholeForTheRealNumberOfItems() {
        Population population = Population.draw(SHAPES.get("skewed"), CALIBRATIONS.get("over-confident"), 21);
        List<RandomCheck> checks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            checks.add(new RandomCheck(population.confidence()[i], population.correct()[i]));
        }
        double[] machine = Arrays.copyOfRange(population.confidence(), 200, POPULATION);
        double[] everyOtherOne = new double[machine.length / 2];
        for (int i = 0; i < everyOtherOne.length; i++) {
            everyOtherOne[i] = machine[2 * i];
        }

        AccuracyReport whole = AccuracyEstimator.estimate(machine, checks, 500).orElseThrow();
        AccuracyReport sampled = AccuracyEstimator.estimate(everyOtherOne, machine.length, checks, 500,
                AccuracyEstimator.LEVEL).orElseThrow();

        assertThat(sampled.machine().value()).isCloseTo(whole.machine().value(), within(0.01));
        assertThat(sampled.dataset().value()).isCloseTo(whole.dataset().value(), within(0.01));
        // Counted against the whole: 500 human labels among 500 + 4,800 items, not 500 + 2,400.
        assertThat(sampled.dataset().value()).isCloseTo(
                (500 + machine.length * sampled.machine().value()) / (500.0 + machine.length), within(1e-9));
    }

    @Test
    void basisNamesTheEvidence() {
        List<RandomCheck> checks = List.of(new RandomCheck(0.9, true), new RandomCheck(0.6, false));

        AccuracyReport report = AccuracyEstimator.estimate(new double[] {0.8, 0.7}, checks, 312).orElseThrow();

        assertThat(report.machine().basis()).isEqualTo("2 random labels and calibrated confidence");
        assertThat(report.dataset().basis())
                .isEqualTo("2 random labels and calibrated confidence; 312 human labels counted as right");
        assertThat(report.randomLabels()).isEqualTo(2);
    }

    @Test
    void noRandomChecksGiveNoEstimate() {
        assertThat(AccuracyEstimator.estimate(new double[] {0.99, 0.98}, List.of(), 40)).isEmpty();
    }

    @Test
    void withEveryItemLabeledByAPersonTheDatasetIsExact() {
        AccuracyReport report = AccuracyEstimator.estimate(new double[0],
                List.of(new RandomCheck(0.7, true), new RandomCheck(0.8, false)), 50).orElseThrow();

        assertThat(report.dataset()).isEqualTo(new Estimate(1, 1, 1, "every item labeled by a person"));
        assertThat(report.reaches(1.0)).isTrue();
    }

    @Test
    void tiedConfidencesMergeBinsThatWouldBeTooSmall() {
        List<RandomCheck> checks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            checks.add(new RandomCheck(i < 90 ? 1.0 : 0.5 + i / 1000.0, true));
        }

        double[] edges = AccuracyEstimator.edges(checks);

        // 90 checks at 1.0 and 10 below: too few below for a bin of their own.
        assertThat(edges).isEmpty();
    }

    /** Fixed confidences and correctness of {@link #POPULATION} items. */
    private record Population(double[] confidence, boolean[] correct) {
        static Population draw(DoubleUnaryOperator shape, DoubleUnaryOperator truth, long seed) {
            SimulatedLabels labels = SimulatedLabels.draw(POPULATION, shape, truth, seed);
            return new Population(labels.confidence(), labels.correct());
        }

        /**
         * {@link #RUNS} times: n items drawn without replacement become random checks (and human
         * labels), the rest stay machine items, and the truth is the share of those that are right.
         */
        Coverage coverage(int n, long seed, boolean guarded) {
            Random random = new Random(seed);
            int[] order = new int[POPULATION];
            for (int i = 0; i < POPULATION; i++) {
                order[i] = i;
            }
            int totalCorrect = 0;
            for (boolean right : correct) {
                totalCorrect += right ? 1 : 0;
            }
            int covered = 0;
            int lowAbove = 0;
            double halfWidths = 0;
            double truths = 0;
            double[] machine = new double[POPULATION - n];
            for (int run = 0; run < RUNS; run++) {
                for (int i = 0; i < n; i++) { // partial Fisher–Yates: order[0..n) is the sample
                    int j = i + random.nextInt(POPULATION - i);
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                }
                List<RandomCheck> checks = new ArrayList<>(n);
                int checkedCorrect = 0;
                for (int i = 0; i < n; i++) {
                    checks.add(new RandomCheck(confidence[order[i]], correct[order[i]]));
                    checkedCorrect += correct[order[i]] ? 1 : 0;
                }
                for (int i = n; i < POPULATION; i++) {
                    machine[i - n] = confidence[order[i]];
                }
                double truth = (double) (totalCorrect - checkedCorrect) / machine.length;
                Estimate estimate = AccuracyEstimator.estimate(machine, checks, n, guarded).orElseThrow().machine();
                covered += estimate.low() <= truth && truth <= estimate.high() ? 1 : 0;
                lowAbove += estimate.low() > truth ? 1 : 0;
                halfWidths += (estimate.high() - estimate.low()) / 2;
                truths += truth;
            }
            return new Coverage((double) covered / RUNS, (double) lowAbove / RUNS, halfWidths / RUNS, truths / RUNS);
        }
    }

    private record Coverage(double covered, double lowAbove, double halfWidth, double truth) {
    }
}
