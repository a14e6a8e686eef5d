package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.dataset.SelectableItem;
import dev.solo.human.HumanExample;
import dev.solo.label.ModelLabel;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import dev.solo.metrics.AccuracyEstimate;
import dev.solo.select.QueueEntry;
import dev.solo.select.RandomSeedSelector;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * Phase 2, initial calibration: the labeler learns from the seed labels except a held-out
 * {@code holdout_fraction} of them, labels a random {@code batch_size} batch of unlabeled items,
 * and its accuracy on the held-out labels is the baseline. Automatic; a rerun after a stop
 * draws the same holdout and batch and gives the same labels.
 */
public final class InitialCalibrationPhase implements PhaseRunner {
    static final String HOLDOUT = "holdout";

    private final SoloConfig config;
    private final Store store;
    private final Models models;
    private final Clock clock;

    public InitialCalibrationPhase(SoloConfig config, Store store, Models models, Clock clock) {
        this.config = config;
        this.store = store;
        this.models = models;
        this.clock = clock;
    }

    @Override
    public Phase phase() {
        return Phase.INITIAL_CALIBRATION;
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        var settings = config.solo().phases().calibration();
        List<HumanExample> seeds = store.humans().examples(config.scheme().name());
        if (seeds.size() < 2) {
            return new PhaseResult(Outcome.DONE, "nothing to calibrate on: " + seeds.size() + " human label(s)");
        }
        List<HumanExample> shuffled = new ArrayList<>(seeds);
        Collections.shuffle(shuffled, context.randomFor("calibration-holdout"));
        int heldOut = settings.heldOut(seeds.size());
        List<HumanExample> holdout = shuffled.subList(0, heldOut);
        List<HumanExample> training = shuffled.subList(heldOut, shuffled.size());
        List<String> batch = unlabeledSample(seeds, settings.batchSize(), context);

        List<String> needed = new ArrayList<>(batch);
        seeds.forEach(seed -> needed.add(seed.itemId()));
        Labeler labeler = models.labeler(needed);
        LabelingModel model = labeler.train(training);
        String baseline = measureOnHoldout(context, labeler, model, holdout);
        List<Prediction> labeled = model.predict(batch).stream().filter(p -> !p.abstained()).toList();
        store.predictions().save(modelLabels(context, labeler, labeled));
        double meanConfidence = labeled.stream().mapToDouble(Prediction::confidence).average().orElse(0);
        String abstained = labeled.size() < batch.size()
                ? String.format(Locale.ROOT, " (%d answers outside the label set left unlabeled)", batch.size() - labeled.size())
                : "";
        return new PhaseResult(Outcome.DONE, String.format(Locale.ROOT,
                "%s learned from %d seed labels; %s; labeled a batch of %d items%s (mean confidence %.2f)",
                labeler.name(), training.size(), baseline, labeled.size(), abstained, meanConfidence));
    }

    private List<String> unlabeledSample(List<HumanExample> labeled, int size, PhaseContext context) {
        Set<String> labeledIds = new HashSet<>();
        labeled.forEach(example -> labeledIds.add(example.itemId()));
        List<SelectableItem> unlabeled = store.items().selectable(null).stream()
                .filter(item -> !labeledIds.contains(item.id()))
                .toList();
        return new RandomSeedSelector().select(unlabeled, size, context.randomFor("calibration-batch")).stream()
                .map(QueueEntry::itemId)
                .toList();
    }

    private String measureOnHoldout(PhaseContext context, Labeler labeler, LabelingModel model,
                                           List<HumanExample> holdout) {
        if (holdout.isEmpty()) {
            return "no baseline accuracy (holdout_fraction is 0)";
        }
        List<Prediction> predictions = model.predict(holdout.stream().map(HumanExample::itemId).toList());
        int correct = 0;
        for (int i = 0; i < holdout.size(); i++) {
            // An abstention counts as wrong.
            correct += holdout.get(i).label().equals(predictions.get(i).label()) ? 1 : 0;
        }
        store.measurements().saveAccuracyEstimate(new AccuracyEstimate(phase(), context.round(), HOLDOUT, correct,
                holdout.size(), labeler.name(), Instant.ofEpochMilli(clock.millis())));
        ConfidenceInterval interval = new WilsonScoreInterval().createInterval(holdout.size(), correct, 0.95);
        return String.format(Locale.ROOT, "baseline accuracy %.2f on %d held-out seed labels (95%% interval %.2f-%.2f)",
                (double) correct / holdout.size(), holdout.size(), interval.getLowerBound(), interval.getUpperBound());
    }

    private List<ModelLabel> modelLabels(PhaseContext context, Labeler labeler, List<Prediction> predictions) {
        Instant now = Instant.ofEpochMilli(clock.millis());
        int setup = store.setups().current().version();
        return predictions.stream()
                .map(p -> new ModelLabel(p, config.scheme().name(), labeler.name(), phase(), context.round(), setup, now))
                .toList();
    }
}
