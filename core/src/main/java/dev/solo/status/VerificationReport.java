package dev.solo.status;

import dev.solo.config.SoloConfig;
import dev.solo.human.LabelPair;
import dev.solo.metrics.Agreement;
import dev.solo.select.VerificationSample;
import dev.solo.store.Store;
import java.util.List;
import java.util.Optional;

/**
 * How far the second annotator agrees with the labels in force on the verification sample:
 * Cohen's kappa with its interval, the raw agreement, per label, and the items they disagree on
 * (for adjudication). {@code agreement} is null until an item is labeled by both.
 */
public record VerificationReport(String annotator, long sampleSize, long labeledByBoth, Agreement agreement,
                                 List<LabelPair> disagreements) {

    /** The report when {@code verification.enabled}; empty otherwise or before the task has a seed. */
    public static Optional<VerificationReport> of(SoloConfig config, Store store) {
        var settings = config.solo().verification();
        Optional<Long> seed = store.workflow().randomSeed();
        if (!settings.enabled() || seed.isEmpty()) {
            return Optional.empty();
        }
        VerificationSample sample = new VerificationSample(seed.get(), settings.sampleFraction());
        long sampleSize = store.humans().examples(config.scheme().name()).stream()
                .filter(example -> sample.contains(example.itemId())).count();
        List<LabelPair> pairs = store.verifications().pairs(config.scheme().name(), settings.annotator());
        Agreement agreement = pairs.isEmpty() ? null : Agreement.of(pairs.stream().map(LabelPair::first).toList(),
                pairs.stream().map(LabelPair::second).toList(), config.scheme().labels());
        return Optional.of(new VerificationReport(settings.annotator(), sampleSize, pairs.size(), agreement,
                pairs.stream().filter(pair -> !pair.agree()).toList()));
    }
}
