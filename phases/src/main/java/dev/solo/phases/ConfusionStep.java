package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.human.HumanExample;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.OutOfFoldPredictions;
import dev.solo.labeler.Prediction;
import dev.solo.metrics.AccuracyEstimate;
import dev.solo.metrics.ConfusionAnalysis;
import dev.solo.metrics.ConfusionReport;
import dev.solo.metrics.ConfusionReportJson;
import dev.solo.store.HumanAnswers;
import dev.solo.store.Measurements;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The model against every human label so far, as phase 3 and each round of the refinement loop
 * measure it. Each label is predicted by a model that did not learn from it (5-fold
 * cross-validation), so all of them can be compared, not only the held-out few. The confusion
 * matrix, the most frequent confusion pairs with example items, and per-class precision/recall/F1
 * are stored for the round and shown by {@code solo confusion}. Human labels chosen for
 * uncertainty make this accuracy a pessimistic one; the random labels are what estimates rest on.
 */
final class ConfusionStep {
    static final int FOLDS = 5;
    static final String METHOD = "5-fold cross-validation";

    private final SoloConfig config;
    private final HumanAnswers answers;
    private final Measurements measurements;
    private final Models models;
    private final Clock clock;

    ConfusionStep(SoloConfig config, HumanAnswers answers, Measurements measurements, Models models, Clock clock) {
        this.config = config;
        this.answers = answers;
        this.measurements = measurements;
        this.models = models;
        this.clock = clock;
    }

    /** Analyses and stores the round's confusion report; says what it found. */
    String analyse(Phase phase, int round, Random folds) {
        List<HumanExample> examples = answers.examples(config.scheme().name());
        if (examples.size() < 2) {
            return "nothing to analyse: " + examples.size() + " human label(s)";
        }
        Labeler labeler = models.labeler(examples.stream().map(HumanExample::itemId).toList());
        List<Prediction> predictions = OutOfFoldPredictions.of(labeler, examples, FOLDS, folds);
        ConfusionReport report = new ConfusionAnalysis(config.scheme().labels(), config.solo().accuracyThreshold(),
                config.solo().phases().confusionAnalysis().minSamples())
                .compare(round, labeler.name(), METHOD, examples, predictions);
        measurements.saveConfusionReport(round, phase, ConfusionReportJson.write(report));
        measurements.saveAccuracyEstimate(new AccuracyEstimate(phase, round, "cross-validation",
                report.correct(), report.compared(), labeler.name(), Instant.ofEpochMilli(clock.millis())));
        return summary(report);
    }

    private static String summary(ConfusionReport report) {
        String text = String.format(Locale.ROOT, "accuracy %.2f on %d human labels (target %.2f)",
                report.accuracy(), report.compared(), report.accuracyTarget());
        if (!report.pairs().isEmpty()) {
            ConfusionReport.Pair top = report.pairs().get(0);
            text += String.format(Locale.ROOT, "; most frequent confusion %s -> %s (%d)", top.human(), top.model(),
                    top.count());
        }
        return text + "; see solo confusion";
    }
}
