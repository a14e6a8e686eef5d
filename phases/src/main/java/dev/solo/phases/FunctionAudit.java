package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.lf.FunctionAnalysis;
import dev.solo.lf.FunctionStats;
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
 * (batch n of the phase is candidate n). A candidate is audited only if it would change at least as
 * many machine labels as its audit costs human labels ({@link AuditPayoff}): a function that agrees
 * with the model fixes nothing, and on real data most mined rules do (on sst2 the kept functions
 * changed 1 of 653 labels after a 169-label audit). Auditing stops once {@code max_functions}
 * candidates have proven themselves; a candidate the labels already on its items rule out is not
 * audited, and an audit stops early once the candidate can no longer pass. A candidate is proven by
 * {@link ProofLabels}. Audit labels are ordinary human labels.
 */
final class FunctionAudit {
    static final String POOL = "audit";
    /**
     * Audit answers asked for between two checks of whether the candidate can still pass: after each
     * one, since stopping a candidate that cannot pass never lets a weaker one through.
     */
    static final int STEP = 1;

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

    /**
     * Returns DONE once every candidate worth it was audited, or why it stopped (NEEDS_HUMAN,
     * QUIT). {@code requested}: candidates the person typed, audited whatever they would pay;
     * {@code carried}: functions kept in an earlier round, proven by the audit they bring.
     */
    Outcome audit(PhaseContext context, VoteMatrix matrix, AuditPayoff payoff,
                  Supplier<Map<String, String>> humanLabels, ProofLabels proof, Set<Integer> requested,
                  Set<Integer> carried) {
        List<LabelingFunction> candidates = matrix.functions();
        announceCost(matrix, payoff, humanLabels.get(), requested, carried);
        int proven = 0;
        for (int index = 0; index < candidates.size(); index++) {
            if (carried.contains(index)) {
                proven += proved(context, matrix, index, humanLabels.get(), proof).precisionLow()
                        >= settings.minPrecision() ? 1 : 0;
                continue;
            }
            if (proven >= settings.maxFunctions() && !requested.contains(index)) {
                continue;
            }
            int batch = index + 1;
            List<QueueEntry> queue = workflow.queue(Phase.LABELING_FUNCTIONS, context.round(), batch);
            if (queue.isEmpty()) {
                queue = cannotPass(context, matrix, index, humanLabels.get(), proof) ? List.of()
                        : draw(context, matrix, index, humanLabels.get(), requested.contains(index) ? Integer.MAX_VALUE
                                : payoff.changes(index));
                workflow.saveQueue(Phase.LABELING_FUNCTIONS, context.round(), batch, queue);
            }
            Outcome outcome = auditOne(context, matrix, index, queue, humanLabels, proof);
            if (outcome != Outcome.DONE) {
                return outcome;
            }
            proven += proved(context, matrix, index, humanLabels.get(), proof).precisionLow()
                    >= settings.minPrecision() ? 1 : 0;
        }
        return Outcome.DONE;
    }

    /**
     * Asks about the candidate's audit items {@link #STEP} at a time, and stops as soon as its
     * bound could no longer reach {@code min_precision} even if every remaining answer agreed.
     */
    private Outcome auditOne(PhaseContext context, VoteMatrix matrix, int index, List<QueueEntry> queue,
                             Supplier<Map<String, String>> humanLabels, ProofLabels proof) {
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
            if (!canStillPass(proved(context, matrix, index, humanLabels.get(), proof), queue.size() - target)) {
                return Outcome.DONE;
            }
        }
    }

    /**
     * Whether the labels already on the candidate's items rule it out: its bound could not reach
     * {@code min_precision} even if a whole audit agreed. Such a candidate costs no audit label.
     */
    private boolean cannotPass(PhaseContext context, VoteMatrix matrix, int index, Map<String, String> human,
                               ProofLabels proof) {
        FunctionStats known = proved(context, matrix, index, human, proof);
        return known.checked() > 0 && !canStillPass(known, settings.auditSize());
    }

    /** Whether the bound could still reach {@code min_precision} if the {@code remaining} answers all agreed. */
    private boolean canStillPass(FunctionStats so, int remaining) {
        return PrecisionBound.lower(so.correct() + remaining, so.checked() + remaining) >= settings.minPrecision();
    }

    /** The audit's items, or none when it would cost more labels than the {@code changes} it could make. */
    private List<QueueEntry> draw(PhaseContext context, VoteMatrix matrix, int index, Map<String, String> human,
                                  int changes) {
        List<String> unlabeled = new ArrayList<>(matrix.covered(index).stream()
                .filter(item -> !human.containsKey(item)).toList());
        int size = Math.min(settings.auditSize(), unlabeled.size());
        if (size == 0 || changes < size) {
            return List.of();
        }
        Collections.shuffle(unlabeled, context.randomFor("audit-" + index));
        return unlabeled.subList(0, size).stream().map(id -> new QueueEntry(id, POOL, "")).toList();
    }

    private static FunctionStats proved(PhaseContext context, VoteMatrix matrix, int index, Map<String, String> human,
                                        ProofLabels proof) {
        return FunctionAnalysis.of(matrix, index, proof.forCandidate(context.round(), index, human));
    }

    private void announceCost(VoteMatrix matrix, AuditPayoff payoff, Map<String, String> human,
                              Set<Integer> requested, Set<Integer> carried) {
        int worth = 0;
        int agreeing = 0;
        long labels = 0;
        long changes = 0;
        for (int index = 0; index < matrix.functions().size(); index++) {
            if (carried.contains(index)) {
                continue;
            }
            long unlabeled = matrix.covered(index).stream().filter(item -> !human.containsKey(item)).count();
            long size = Math.min(settings.auditSize(), unlabeled);
            if (requested.contains(index) || (size > 0 && payoff.changes(index) >= size)) {
                worth++;
                labels += size;
                changes += payoff.changes(index);
            } else {
                agreeing++;
            }
        }
        if (agreeing > 0) {
            announcer.accept(String.format("%d candidate labeling functions are not audited: none would change as "
                    + "many of the model's labels as its audit would cost you.", agreeing));
        }
        if (worth > 0) {
            announcer.accept(String.format("Auditing up to %d labeling functions: at most %,d labels, shown without "
                    + "the rule's label; they would change up to %,d machine labels.", worth, labels, changes));
        }
    }
}
