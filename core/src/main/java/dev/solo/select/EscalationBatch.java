package dev.solo.select;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One batch of confidence escalation: the machine labels least likely to be right (the lowest
 * confidence, or a better estimate of the chance where there is one), and a few
 * random controls drawn from the rest (not by confidence), mixed so that the person cannot tell
 * them apart. The controls are ordinary random labels: they keep the accuracy estimate honest
 * while everything else the person sees is chosen for being doubtful.
 */
public final class EscalationBatch {
    /** The pool name of the least confident items. */
    public static final String LEAST_CONFIDENT = "least_confident";
    /** The pool name of the controls, the same as active labeling's random pool: both are random evidence. */
    public static final String RANDOM = "random";

    /**
     * A machine-labeled item that may be escalated: its label, the machine's calibrated confidence,
     * and {@code chanceRight}, what the order rests on (the confidence itself, or a better estimate
     * of the chance the label is right where there is one).
     */
    public record Candidate(String itemId, String label, double confidence, double chanceRight) {
        public Candidate(String itemId, String label, double confidence) {
            this(itemId, label, confidence, confidence);
        }

        String describe() {
            return chanceRight == confidence ? String.format(Locale.ROOT, "machine confidence %.2f", confidence)
                    : String.format(Locale.ROOT, "chance the label is right %.2f (machine confidence %.2f)", chanceRight,
                    confidence);
        }
    }

    private EscalationBatch() {
    }

    /**
     * Chooses up to {@code size} items: {@code controls} of them uniformly at random from the
     * candidates not among the least confident, the rest least confident first; in an order
     * shuffled with {@code random}. Every entry carries the machine label it had.
     */
    public static List<QueueEntry> choose(List<Candidate> candidates, int size, int controls, Random random) {
        List<Candidate> byConfidence = new ArrayList<>(candidates);
        byConfidence.sort(Comparator.comparingDouble(Candidate::chanceRight).thenComparing(Candidate::itemId));
        int total = Math.min(size, byConfidence.size());
        int controlCount = Math.min(controls, Math.max(0, byConfidence.size() - (total - controls)));
        controlCount = Math.min(controlCount, total);
        int lowest = total - controlCount;
        List<QueueEntry> chosen = new ArrayList<>(total);
        for (Candidate candidate : byConfidence.subList(0, lowest)) {
            chosen.add(new QueueEntry(candidate.itemId(), LEAST_CONFIDENT, candidate.describe())
                    .withMachineLabel(candidate.label(), candidate.confidence()));
        }
        List<Candidate> rest = byConfidence.subList(lowest, byConfidence.size());
        for (int index : RandomSeedSelector.partialShuffle(rest.size(), controlCount, random)) {
            Candidate candidate = rest.get(index);
            chosen.add(new QueueEntry(candidate.itemId(), RANDOM, "a random control")
                    .withMachineLabel(candidate.label(), candidate.confidence()));
        }
        Collections.shuffle(chosen, random);
        return chosen;
    }
}
