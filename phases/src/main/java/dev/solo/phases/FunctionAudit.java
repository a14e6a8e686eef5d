package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.lf.LabelingFunction;
import dev.solo.lf.PrecisionBound;
import dev.solo.lf.VoteMatrix;
import dev.solo.select.QueueEntry;
import dev.solo.store.WorkflowLog;
import dev.solo.workflow.Phase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Proves candidates on human labels: for each, in order of how many items it would label, up to
 * {@code audit_size} random items it covers and no one labeled yet are shown to the person blind
 * (batch n of the phase is candidate n). A candidate that would label fewer than
 * {@link #PAYOFF} times the labels its audit costs is not audited, and auditing stops once
 * {@code max_functions} candidates have proven themselves; a candidate's audit stops early once it can
 * no longer pass. A candidate is proven by {@link ProofLabels}.
 * Audit labels are ordinary human labels.
 */
final class FunctionAudit {
    static final int PAYOFF = 2;
    static final String POOL = "audit";
    /** Audit answers asked for between two checks of whether the candidate can still pass. */
    static final int STEP = 5;

    private final PhasesConfig.LabelingFunctions settings;
    private final WorkflowLog workflow;
    private final HumanLabelingLoop person;
    private final Consumer<String> announcer;

    FunctionAudit(PhasesConfig.LabelingFunctions settings, WorkflowLog workflow, HumanLabelingLoop person,
                  Consumer<String> announcer) {
        this.settings = settings;
        this.workflow = workflow;
        this.person = person;
        this.announcer = announcer;
    }

    /** Returns DONE once every candidate worth it was audited, or why it stopped (NEEDS_HUMAN, QUIT). */
    /** {@code requested}: candidates the person typed, audited whatever they would pay. */
    Outcome audit(PhaseContext context, VoteMatrix matrix, Supplier<Map<String, String>> humanLabels,
                  ProofLabels proof, Set<Integer> requested) {
        List<LabelingFunction> candidates = matrix.functions();
        announceCost(matrix, humanLabels.get());
        int proven = 0;
        for (int index = 0; index < candidates.size(); index++) {
            if (proven >= settings.maxFunctions() && !requested.contains(index)) {
                continue;
            }
            int batch = index + 1;
            List<QueueEntry> queue = workflow.queue(Phase.LABELING_FUNCTIONS, context.round(), batch);
            if (queue.isEmpty()) {
                queue = draw(context, matrix, index, humanLabels.get(), requested.contains(index));
                workflow.saveQueue(Phase.LABELING_FUNCTIONS, context.round(), batch, queue);
            }
            Outcome outcome = auditOne(context, matrix, index, queue, proof);
            if (outcome != Outcome.DONE) {
                return outcome;
            }
            proven += bound(matrix, index, proof.forCandidate(context.round(), index)) >= settings.minPrecision() ? 1 : 0;
        }
        return Outcome.DONE;
    }

    /**
     * Asks about the candidate's audit items {@link #STEP} at a time, and stops as soon as its
     * bound could no longer reach {@code min_precision} even if every remaining answer agreed.
     */
    private Outcome auditOne(PhaseContext context, VoteMatrix matrix, int index, List<QueueEntry> queue,
                             ProofLabels proof) {
        if (queue.isEmpty()) {
            return Outcome.DONE;
        }
        int batch = index + 1;
        context.startBatch(batch);
        for (int target = Math.min(STEP, queue.size()); ; target = Math.min(target + STEP, queue.size())) {
            Outcome outcome = person.run(new HumanLabelingLoop.Assignment(Phase.LABELING_FUNCTIONS, context.round(),
                    batch, matrix.functions().size(), target, queue, true));
            if (outcome != Outcome.DONE || target == queue.size()) {
                return outcome;
            }
            int[] tally = tally(matrix, index, proof.forCandidate(context.round(), index));
            int remaining = queue.size() - target;
            if (PrecisionBound.lower(tally[1] + remaining, tally[0] + remaining) < settings.minPrecision()) {
                return Outcome.DONE;
            }
        }
    }

    private List<QueueEntry> draw(PhaseContext context, VoteMatrix matrix, int index, Map<String, String> human,
                                  boolean requested) {
        List<String> unlabeled = new ArrayList<>();
        for (String item : matrix.items()) {
            if (fires(matrix, item, index) && !human.containsKey(item)) {
                unlabeled.add(item);
            }
        }
        int size = Math.min(settings.auditSize(), unlabeled.size());
        if (size == 0 || (!requested && unlabeled.size() < PAYOFF * size)) {
            return List.of();
        }
        Collections.shuffle(unlabeled, context.randomFor("audit-" + index));
        return unlabeled.subList(0, size).stream().map(id -> new QueueEntry(id, POOL, "")).toList();
    }

    private static double bound(VoteMatrix matrix, int index, Map<String, String> proof) {
        int[] tally = tally(matrix, index, proof);
        return PrecisionBound.lower(tally[1], tally[0]);
    }

    /** Checked and right votes of the candidate on the proof labels. */
    private static int[] tally(VoteMatrix matrix, int index, Map<String, String> proof) {
        String label = matrix.functions().get(index).label();
        int checked = 0;
        int correct = 0;
        for (String item : matrix.items()) {
            String truth = proof.get(item);
            if (truth != null && fires(matrix, item, index)) {
                checked++;
                correct += truth.equals(label) ? 1 : 0;
            }
        }
        return new int[] {checked, correct};
    }

    private static boolean fires(VoteMatrix matrix, String item, int index) {
        for (int f : matrix.firing(item)) {
            if (f == index) {
                return true;
            }
        }
        return false;
    }

    private void announceCost(VoteMatrix matrix, Map<String, String> human) {
        long labels = 0;
        long covered = 0;
        for (int index = 0; index < matrix.functions().size(); index++) {
            long unlabeled = 0;
            for (String item : matrix.items()) {
                unlabeled += fires(matrix, item, index) && !human.containsKey(item) ? 1 : 0;
            }
            labels += Math.min(settings.auditSize(), unlabeled);
            covered += unlabeled;
        }
        announcer.accept(String.format("Auditing up to %d labeling functions: at most %,d labels, shown without the "
                + "rule's label; they would label up to %,d items.", matrix.functions().size(), labels, covered));
    }
}
