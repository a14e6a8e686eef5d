package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.human.HumanExample;
import dev.solo.label.LabelSource;
import dev.solo.metrics.AccuracyReport;
import dev.solo.metrics.BatchResult;
import dev.solo.select.EscalationBatch;
import dev.solo.select.QueueEntry;
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
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * Phase 12, final validation: {@code sample_size} items drawn at random from the machine-labeled
 * part are shown to the person blind. Their answers check the machine labels directly (a 95%
 * Wilson interval on the sample alone) and join every earlier random label in the estimate of the
 * dataset's accuracy (human labels counted as right), which is far tighter than the sample alone.
 * With the embedded labeler every random label is checked against a model that did not learn it,
 * as the exported machine labels were made by one ({@link CrossFittedChecks}); a label checked as
 * drawn early on would measure the weaker model of its day.
 * PASSED when that estimate's stopping bound reaches {@code min_accuracy}, so that a pass says the
 * dataset is at least that accurate, not that it might be ({@link dev.solo.metrics.StoppingBound}:
 * like every stop, a pass allows for every look the task took at its estimate). Otherwise back to
 * {@code fallback_phase} with the reason, and after a second failure in a row the workflow stops for
 * the person to decide.
 */
public final class FinalValidationPhase implements PhaseRunner {
    private final SoloConfig config;
    private final Store store;
    private final HumanLabelingLoop labeling;
    private final AccuracyCheck accuracy;
    private final ModelRefresh refresh;
    private final Clock clock;

    public FinalValidationPhase(SoloConfig config, Store store, Models models, HumanLabelingLoop labeling,
                                Clock clock) {
        this.config = config;
        this.store = store;
        this.labeling = labeling;
        this.accuracy = new AccuracyCheck(config, store, clock);
        this.refresh = new ModelRefresh(config, store, models, clock);
        this.clock = clock;
    }

    @Override
    public Phase phase() {
        return Phase.FINAL_VALIDATION;
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        PhasesConfig.FinalValidation settings = config.solo().phases().finalValidation();
        int round = context.round();
        List<QueueEntry> sample = sample(context, settings.sampleSize());
        if (sample.isEmpty()) {
            return new PhaseResult(Outcome.PASSED, "every item is labeled by a person; nothing to validate");
        }
        Outcome outcome = labeling.run(new HumanLabelingLoop.Assignment(phase(), round, 0, 1, sample.size(), sample,
                true));
        if (outcome != Outcome.DONE) {
            return new PhaseResult(outcome, "final validation");
        }
        String checked = sampleCheck(round, sample);
        AccuracyCheck.Reading reading = accuracy.record(accuracy.readLatest(new AccuracyCheck.Look(phase(), round, 0),
                refresh.labeler(), context.randomFor("final-validation-folds")));
        AccuracyReport report = reading.report().orElseThrow(() ->
                new IllegalStateException("the validation sample is random evidence; an estimate must exist"));
        double target = settings.minAccuracy();
        String summary = String.format(Locale.ROOT, "%s; dataset %s; machine labels %s; %s", checked, report.dataset(),
                report.machine(), reading.bound());
        if (reading.reaches(target)) {
            return new PhaseResult(Outcome.PASSED, summary + String.format(Locale.ROOT, " (min_accuracy %.2f)", target));
        }
        String reason = String.format(Locale.ROOT, "%s; below min_accuracy %.2f", summary, target);
        if (failedBefore(round)) {
            return new PhaseResult(Outcome.NEEDS_DECISION, reason + ". Final validation failed twice in a row. Choices: "
                    + "a lower min_accuracy and accuracy_threshold, a stronger labeler (another shipped embedding "
                    + "model, or a remote one), or solo start again to go back to phase " + settings.fallbackPhase());
        }
        return new PhaseResult(Outcome.VALIDATION_FAILED, reason + "; back to phase " + settings.fallbackPhase());
    }

    /** The round's sample: chosen once (a resumed run asks the same items), uniformly from the machine labels. */
    private List<QueueEntry> sample(PhaseContext context, int size) {
        List<QueueEntry> stored = store.workflow().queue(phase(), context.round(), 0);
        if (!stored.isEmpty()) {
            return stored;
        }
        List<QueueEntry> machine = new ArrayList<>();
        store.labeledRows().forEach(row -> {
            if (row.source() != LabelSource.HUMAN) {
                machine.add(new QueueEntry(row.itemId(), EscalationBatch.RANDOM, "final validation sample")
                        .withMachineLabel(row.value(), row.confidence()));
            }
        });
        List<QueueEntry> chosen = new ArrayList<>();
        for (int index : RandomSeedSelector.partialShuffle(machine.size(), Math.min(size, machine.size()),
                context.randomFor("final-validation"))) {
            chosen.add(machine.get(index));
        }
        store.workflow().saveQueue(phase(), context.round(), 0, chosen);
        return chosen;
    }

    /** "87 of 100 sampled machine labels right (0.79–0.92)": the sample on its own, stored as the round's batch. */
    private String sampleCheck(int round, List<QueueEntry> sample) {
        Map<String, String> human = new HashMap<>();
        for (HumanExample example : store.humans().examples(config.scheme().name())) {
            human.put(example.itemId(), example.label());
        }
        List<QueueEntry> labeled = sample.stream().filter(entry -> human.containsKey(entry.itemId())).toList();
        int right = (int) labeled.stream().filter(entry -> human.get(entry.itemId()).equals(entry.machineLabel())).count();
        store.measurements().saveBatchResult(new BatchResult(phase(), round, 0, labeled.size(), right,
                Optional.empty(), Instant.ofEpochMilli(clock.millis())));
        if (labeled.isEmpty()) {
            return "no sampled item was labeled";
        }
        ConfidenceInterval interval = new WilsonScoreInterval().createInterval(labeled.size(), right, 0.95);
        return String.format(Locale.ROOT, "%d of %d sampled machine labels right (%.2f–%.2f on the sample alone)",
                right, labeled.size(), interval.getLowerBound(), interval.getUpperBound());
    }

    /** True when this phase ran in an earlier round: a pass ends the workflow, so that round failed. */
    private boolean failedBefore(int round) {
        return store.accuracy().all().stream()
                .anyMatch(record -> record.phase() == phase() && record.round() < round);
    }
}
