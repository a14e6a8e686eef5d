package dev.solo.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Simulated tasks with known truth that look at their estimate after every batch and stop the
 * first time the bound reaches the target, as phases 6, 8 and 10 do: how often does a task whose
 * dataset is below the target stop anyway?
 */
class StoppingBoundTest {
    private static final int POPULATION = 3_000;
    private static final int RUNS = 1_000;
    private static final int LOOKS = 30;
    /** Random labels per batch: min_random_share 0.2 of a batch of 25. */
    private static final int CHECKS_PER_LOOK = 5;

    /** Confidences near 1 and over-confident by three points: about 0.87 right, like the local labeler early on sst2. */
    private static final Population EARLY_SST2 = Population.draw(u -> 1 - 0.25 * u * u, c -> c - 0.03, 1);
    private static final Population OVER_CONFIDENT = Population.draw(u -> 1 - 0.6 * u * u * u, c -> c - 0.10, 2);
    private static final Population CALIBRATED = Population.draw(u -> 0.4 + 0.6 * u, c -> c, 3);

    @Test
    void aTaskBelowTheTargetStopsAtMostOnceInFortyHoweverOftenItLooks() {
        for (Population population : List.of(EARLY_SST2, OVER_CONFIDENT, CALIBRATED)) {
            double target = population.accuracy() + 0.015;

            double stopped = population.stops(target, true, 11, CHECKS_PER_LOOK).belowTarget();

            System.out.printf(Locale.ROOT, "accuracy %.3f, target %.3f: stopped below it in %.3f of runs%n",
                    population.accuracy(), target, stopped);
            assertThat(stopped).as("accuracy %.3f", population.accuracy()).isLessThanOrEqualTo(0.04);
        }
    }

    @Test
    void theUsualBoundReadAtEveryLookStopsBelowTheTargetFarMoreOften() {
        double target = EARLY_SST2.accuracy() + 0.015;

        double usual = EARLY_SST2.stops(target, false, 12, CHECKS_PER_LOOK).belowTarget();
        double corrected = EARLY_SST2.stops(target, true, 12, CHECKS_PER_LOOK).belowTarget();

        System.out.printf(Locale.ROOT, "early sst2: stopped below the target in %.3f of runs on the 95%% bound, "
                + "%.3f on the stopping bound%n", usual, corrected);
        assertThat(usual).isGreaterThan(0.06).isGreaterThan(3 * corrected);
    }

    @Test
    void aTaskFivePointsAboveTheTargetStopsWithinSixHundredRandomLabels() {
        for (Population population : List.of(EARLY_SST2, OVER_CONFIDENT, CALIBRATED)) {
            double target = population.accuracy() - 0.05;

            // Whole batches at random, as the evidence share draws them: 600 random labels by the last look.
            double stopped = population.stops(target, true, 13, 20).any();

            System.out.printf(Locale.ROOT, "accuracy %.3f, target %.3f: stopped in %.3f of runs%n",
                    population.accuracy(), target, stopped);
            assertThat(stopped).as("accuracy %.3f", population.accuracy()).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void laterLooksAreStricterAndTheErrorsSumToTheTotal() {
        double sum = 0;
        for (int look = 1; look <= 1_000_000; look++) {
            sum += StoppingBound.oneSidedError(look);
        }

        assertThat(StoppingBound.oneSidedError(1)).isEqualTo(StoppingBound.TOTAL_ERROR / (StoppingBound.HORIZON + 1));
        assertThat(StoppingBound.oneSidedError(10)).isLessThan(StoppingBound.oneSidedError(3));
        assertThat(sum).isLessThan(StoppingBound.TOTAL_ERROR).isGreaterThan(0.9999 * StoppingBound.TOTAL_ERROR);
        assertThatThrownBy(() -> StoppingBound.oneSidedError(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStoppingBoundIsBelowTheUsualOneFromTheFirstLook() {
        List<RandomCheck> checks = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            checks.add(new RandomCheck(0.9, i % 10 != 0));
        }
        double[] machine = {0.9, 0.8, 0.95};

        double usual = AccuracyEstimator.estimate(machine, checks, 60).orElseThrow().dataset().low();
        double first = StoppingBound.at(1, machine, checks, 60).orElseThrow().dataset().low();
        double fifth = StoppingBound.at(5, machine, checks, 60).orElseThrow().dataset().low();

        assertThat(first).isLessThan(usual);
        assertThat(fifth).isLessThan(first);
    }

    /** Fixed confidences and correctness of {@link #POPULATION} items. */
    private record Population(double[] confidence, boolean[] correct) {
        static Population draw(DoubleUnaryOperator shape, DoubleUnaryOperator truth, long seed) {
            SimulatedLabels labels = SimulatedLabels.draw(POPULATION, shape, truth, seed);
            return new Population(labels.confidence(), labels.correct());
        }

        double accuracy() {
            int right = 0;
            for (boolean c : correct) {
                right += c ? 1 : 0;
            }
            return (double) right / POPULATION;
        }

        /**
         * {@link #RUNS} tasks: each batch adds {@code checksPerLook} random items to the human
         * labels, then the task looks; it stops at the first look whose bound reaches the target.
         * Counts the tasks that stopped, and those that stopped at a look where the dataset (human
         * labels right, the machine's on the rest) was truly below the target.
         */
        Stops stops(double target, boolean stoppingBound, long seed, int checksPerLook) {
            Random random = new Random(seed);
            int[] order = new int[POPULATION];
            int wrongStops = 0;
            int stops = 0;
            for (int run = 0; run < RUNS; run++) {
                for (int i = 0; i < POPULATION; i++) {
                    order[i] = i;
                }
                List<RandomCheck> checks = new ArrayList<>();
                int machineWrongAmongChecked = 0;
                int wrong = POPULATION - (int) Math.round(accuracy() * POPULATION);
                for (int look = 1; look <= LOOKS; look++) {
                    for (int k = 0; k < checksPerLook; k++) { // partial Fisher–Yates over the unchecked
                        int i = checks.size();
                        int j = i + random.nextInt(POPULATION - i);
                        int swap = order[i];
                        order[i] = order[j];
                        order[j] = swap;
                        checks.add(new RandomCheck(confidence[order[i]], correct[order[i]]));
                        machineWrongAmongChecked += correct[order[i]] ? 0 : 1;
                    }
                    int n = checks.size();
                    double[] machine = new double[POPULATION - n];
                    for (int i = n; i < POPULATION; i++) {
                        machine[i - n] = confidence[order[i]];
                    }
                    AccuracyReport report = (stoppingBound
                            ? StoppingBound.at(look, machine, checks, n)
                            : AccuracyEstimator.estimate(machine, checks, n)).orElseThrow();
                    if (report.reaches(target)) {
                        double truth = 1 - (double) (wrong - machineWrongAmongChecked) / POPULATION;
                        wrongStops += truth < target ? 1 : 0;
                        stops++;
                        break;
                    }
                }
            }
            return new Stops((double) stops / RUNS, (double) wrongStops / RUNS);
        }
    }

    /** Shares of the runs that stopped at all, and that stopped with the dataset below the target. */
    private record Stops(double any, double belowTarget) {
    }
}
