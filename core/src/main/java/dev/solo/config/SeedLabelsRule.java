package dev.solo.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Locale;
import java.util.Optional;

/**
 * Phase 2 trains the labeler on the seed labels it does not hold out: settings that leave fewer
 * seed labels to learn from than there are labels cannot teach every label, and the baseline
 * they report (a model trained on one label) would mean nothing.
 */
final class SeedLabelsRule {
    /** A broken rule: the key to point at, what is wrong and what to do. */
    record Broken(JsonPointer at, String problem, String hint) {
    }

    private SeedLabelsRule() {
    }

    static Optional<Broken> check(TaskConfig task) {
        int labels = task.scheme().labels().size();
        SoloModeConfig solo = task.soloMode();
        int seeds = solo.seedSize();
        if (seeds < labels) {
            JsonPointer at = solo.phases().seed().count() != null
                    ? JsonPointer.compile("/solo_mode/phases/seed/count") : JsonPointer.compile("/solo_mode/seed_count");
            return Optional.of(new Broken(at, "a seed of " + seeds + " items cannot give one example of each of the "
                    + labels + " labels", "ask for at least " + labels + " seed items; 50 is the spec's default"));
        }
        PhasesConfig.Calibration calibration = solo.phases().calibration();
        int training = seeds - calibration.heldOut(seeds);
        if (training < labels) {
            double largest = Math.floor(100.0 * (seeds - labels) / seeds) / 100.0;
            return Optional.of(new Broken(JsonPointer.compile("/solo_mode/phases/calibration/holdout_fraction"),
                    String.format(Locale.ROOT, "'holdout_fraction' %s holds out %d of the %d seed labels, leaving %d to "
                                    + "learn %d labels from", calibration.holdoutFraction(), seeds - training, seeds,
                            training, labels),
                    String.format(Locale.ROOT, "use at most %.2f, so at least one example per label is left to learn from; "
                            + "0.2 is the spec's default", largest)));
        }
        return Optional.empty();
    }
}
