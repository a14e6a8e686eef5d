package dev.solo.select;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Which human-labeled items a second annotator sees: each item is in the sample with probability
 * {@code sample_fraction}, decided by the task's seed and the item's id alone. The sample is the
 * same on every run and grows with the labels, without being stored.
 */
public final class VerificationSample {
    private final long seed;
    private final double fraction;

    public VerificationSample(long seed, double fraction) {
        this.seed = seed;
        this.fraction = fraction;
    }

    public boolean contains(String itemId) {
        long hash = seed;
        for (byte b : itemId.getBytes(StandardCharsets.UTF_8)) {
            hash = hash * 1_000_003L + b;
        }
        return new SplittableRandom(hash).nextDouble() < fraction;
    }
}
