package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.human.HumanExample;
import dev.solo.label.FunctionLabel;
import dev.solo.label.LabelSource;
import dev.solo.labeler.Labeler;
import dev.solo.metrics.AccuracyEstimator;
import dev.solo.metrics.AccuracyRecord;
import dev.solo.metrics.AccuracyReport;
import dev.solo.metrics.LabelsToTarget;
import dev.solo.metrics.RandomCheck;
import dev.solo.metrics.StoppingBound;
import dev.solo.select.RandomSeedSelector;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Consumer;

/**
 * What solo says about accuracy while the person labels: the exported dataset's accuracy (human
 * labels counted as right) and the machine labels' alone, estimated from the random human labels
 * and the calibrated confidences, with how many more labels the target is projected to need. Labels
 * chosen for uncertainty would bias any estimate made on them, so only the random ones count.
 */
final class AccuracyCheck {
    /** The early warning waits for this many human labels… */
    static final int WARN_AFTER_LABELS = 200;
    /**
     * …and this many random ones: on fewer, a projection is too rough to warn on (with 10 random
     * labels it called for 84% of a dataset that reached the target with 15%).
     */
    static final int WARN_AFTER_RANDOM_LABELS = 40;
    /** Warn when the target is projected to need more than this share of the dataset labeled by hand in all… */
    static final double WARN_SHARE = 0.30;
    /** …or when the machine labels are estimated below this accuracy. */
    static final double WARN_MACHINE_ACCURACY = 0.80;

    /**
     * Where an estimate is read: after {@code batch} of {@code phase} in {@code round}, batch 0 at
     * the phase's start or end. A recorded estimate replaces an earlier one of the same look.
     */
    record Look(Phase phase, int round, int batch) {
    }

    /**
     * An estimate with the projection made from it; all empty before any random label.
     *
     * @param report   the 95% estimate solo prints
     * @param stopping the same estimate at the level the {@code lookNumber}-th look of the task
     *                 stops on ({@link StoppingBound})
     */
    record Reading(Optional<AccuracyReport> report, Optional<AccuracyReport> stopping, Look look, int lookNumber,
                   OptionalInt labelsToTarget, long items, long humanLabels, double target) {

        /** True when the dataset's stopping bound reaches {@code accuracy_threshold}. */
        boolean reached() {
            return reaches(target);
        }

        /** True when the dataset's stopping bound reaches {@code accuracy}. */
        boolean reaches(double accuracy) {
            return stopping.isPresent() && stopping.get().reaches(accuracy);
        }

        /** "lower bound 0.921 allowing for the 12 looks at the estimate so far". */
        String bound() {
            return stopping.map(report -> String.format(Locale.ROOT, "lower bound %.3f allowing for %s",
                    report.dataset().low(), lookNumber == 1 ? "this first look at the estimate"
                            : "the " + lookNumber + " looks at the estimate so far")).orElse("no bound yet");
        }

        /** "estimated accuracy 0.86 (0.82–0.89) from … · projected human labels to 0.93: ~640 more". */
        String describe() {
            if (report.isEmpty()) {
                return "accuracy not estimated yet: no random human labels to check the machine against";
            }
            String text = "estimated accuracy " + report.get().dataset();
            String bound = bound();
            if (reached()) {
                return text + String.format(Locale.ROOT, " · target %.2f reached (%s)", target, bound);
            }
            if (report.get().reaches(target)) {
                text += String.format(Locale.ROOT, " · not yet %.2f: %s", target, bound);
            }
            return labelsToTarget.isPresent()
                    ? text + String.format(Locale.ROOT, " · projected human labels to %.2f: ~%,d more", target,
                            labelsToTarget.getAsInt())
                    : text;
        }
    }

    private final SoloConfig config;
    private final Store store;
    private final Clock clock;

    AccuracyCheck(SoloConfig config, Store store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** Estimates from the store as it stands: each random item checked against the label it had when drawn. */
    Reading read(Look look) {
        return read(look, store.accuracy().randomChecks(config.scheme().name()));
    }

    /**
     * Estimates for the model as it is now: each random label checked against a model trained on
     * every other human label ({@link CrossFittedChecks}). A label as drawn measures the model of
     * its day; while the model keeps learning those checks understate it (on sst2, 0.906 from
     * labels as drawn against 0.934 cross-fitted for the same model after active labeling).
     */
    Reading readCurrent(Look look, Labeler labeler, Random folds) {
        String scheme = config.scheme().name();
        Map<String, FunctionLabel> votes = new HashMap<>();
        store.functionLabels().forEach(scheme, vote -> votes.put(vote.itemId(), vote));
        List<HumanExample> all = store.humans().examples(scheme);
        List<HumanExample> random = store.humans().examplesFromPool(scheme, "random");
        CrossFittedChecks.Evidence evidence = CrossFittedChecks.of(labeler, all, random, votes,
                machineSample(scheme, folds), folds);
        return read(look, evidence.checks(), Optional.of(evidence.machineConfidences()));
    }

    /** Every item without a human label, or a uniform {@link CrossFittedChecks#MACHINE_SAMPLE} of them. */
    private List<String> machineSample(String scheme, Random random) {
        List<String> ids = new ArrayList<>();
        store.labeledRows().forEach(row -> {
            if (row.schemaName().equals(scheme) && row.source() != LabelSource.HUMAN) {
                ids.add(row.itemId());
            }
        });
        if (ids.size() <= CrossFittedChecks.MACHINE_SAMPLE) {
            return ids;
        }
        List<String> sample = new ArrayList<>(CrossFittedChecks.MACHINE_SAMPLE);
        for (int index : RandomSeedSelector.partialShuffle(ids.size(), CrossFittedChecks.MACHINE_SAMPLE, random)) {
            sample.add(ids.get(index));
        }
        return sample;
    }

    /**
     * The estimate a batch ends on: of the model as it is now when the labeler relabels cheaply (the
     * embedded one), else from the random labels as drawn, since checking a remote model anew costs
     * a call per random label after every batch.
     */
    Reading readLatest(Look look, Labeler labeler, Random folds) {
        return labeler.relabelsCheaply() ? readCurrent(look, labeler, folds) : read(look);
    }

    /**
     * Estimates from these checks of the random labels and the machine labels as stored. The look
     * is numbered by the estimates recorded at other looks, so a resumed run that records this look
     * again numbers it as the uninterrupted run did.
     */
    Reading read(Look look, List<RandomCheck> checks) {
        return read(look, checks, Optional.empty());
    }

    /**
     * {@code modelConfidences}: the confidences, on a sample of the machine items, of the models
     * the checks were made with; empty when the checks are the labels as drawn, which go with the
     * stored machine labels.
     */
    private Reading read(Look look, List<RandomCheck> checks, Optional<double[]> modelConfidences) {
        String scheme = config.scheme().name();
        double[] confidences = store.labeledRows().machineConfidences(scheme);
        double[] sample = modelConfidences.orElse(confidences);
        int humans = (int) store.humans().labeledItemCount();
        int lookNumber = 1 + (int) store.accuracy().all().stream()
                .filter(record -> !look.equals(new Look(record.phase(), record.round(), record.batch()))).count();
        Optional<AccuracyReport> report = AccuracyEstimator.estimate(sample, confidences.length, checks, humans,
                AccuracyEstimator.LEVEL);
        Optional<AccuracyReport> stopping = StoppingBound.at(lookNumber, sample, confidences.length, checks, humans);
        double target = config.solo().accuracyThreshold();
        OptionalInt more = stopping.isEmpty() ? OptionalInt.empty()
                : LabelsToTarget.moreLabels(confidences, stopping.get(), humans, target);
        return new Reading(report, stopping, look, lookNumber, more, store.items().count(), humans, target);
    }

    /**
     * How many recorded looks come before {@code look} in the workflow's order (round, then phase,
     * then batch): a count a resumed run makes the same, whatever was recorded after {@code look}.
     */
    int looksBefore(Look look) {
        return (int) store.accuracy().all().stream().filter(record -> record.round() < look.round()
                || record.round() == look.round() && (record.phase().compareTo(look.phase()) < 0
                        || record.phase() == look.phase() && record.batch() < look.batch())).count();
    }

    /** Estimates from the random labels as drawn, and stores the estimate as made at {@code look}. */
    Reading record(Look look) {
        return record(read(look));
    }

    /** Stores a reading as made at its look. */
    Reading record(Reading reading) {
        Look look = reading.look();
        reading.report().ifPresent(report -> store.accuracy().save(new AccuracyRecord(look.phase(), look.round(),
                look.batch(), report, Instant.ofEpochMilli(clock.millis()))));
        return reading;
    }

    /**
     * Once the estimate rests on enough labels, says once, plainly, when the target looks out of
     * reach for this labeler, with the person's choices.
     */
    void warnIfOutOfReach(Reading reading, Consumer<String> announcer) {
        if (reading.report().isEmpty() || reading.humanLabels() < WARN_AFTER_LABELS) {
            return;
        }
        AccuracyReport report = reading.report().get();
        if (report.randomLabels() < WARN_AFTER_RANDOM_LABELS) {
            return;
        }
        boolean tooMany = reading.labelsToTarget().isEmpty()
                || reading.humanLabels() + reading.labelsToTarget().getAsInt() > WARN_SHARE * reading.items();
        boolean tooWeak = report.machine().value() < WARN_MACHINE_ACCURACY;
        if (!tooMany && !tooWeak) {
            return;
        }
        String need = reading.labelsToTarget().isPresent()
                ? String.format(Locale.ROOT, "reaching %.2f is projected to need about %,d more human labels "
                        + "(%.0f%% of the dataset labeled by hand in all)",
                        reading.target(), reading.labelsToTarget().getAsInt(),
                        100.0 * (reading.humanLabels() + reading.labelsToTarget().getAsInt()) / reading.items())
                : String.format(Locale.ROOT, "%.2f looks out of reach", reading.target());
        String text = String.format(Locale.ROOT, "After %,d human labels, %s; the machine labels are at %s. "
                        + "Choices: a lower accuracy_threshold, a stronger labeler (another shipped embedding model, "
                        + "or a remote one), or carrying on.",
                reading.humanLabels(), need, report.machine());
        if (store.workflow().warnOnce("target-out-of-reach", text)) {
            announcer.accept("Warning: " + text);
        }
    }
}
