package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.lf.FunctionAnalysis;
import dev.solo.lf.FunctionRecord;
import dev.solo.lf.FunctionStats;
import dev.solo.lf.LabelingFunction;
import dev.solo.lf.VoteMatrix;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The kept labeling functions measured again as human labels grow: each on its proof labels (its
 * own audit and every random label on items it covers). One whose precision's lower bound falls
 * below {@code min_precision} is switched off, its votes are withdrawn, and the person is told.
 */
final class FunctionRecheck {
    private final SoloConfig config;
    private final Store store;
    private final ProofLabels proof;
    private final FunctionVotes votes;
    private final Supplier<EmbeddingMatrix> vectors;
    private final Consumer<String> announcer;

    /** {@code vectors}: every item's vectors under the labeler's model, for functions that read them. */
    FunctionRecheck(SoloConfig config, Store store, Supplier<EmbeddingMatrix> vectors, Clock clock,
                    Consumer<String> announcer) {
        this.config = config;
        this.store = store;
        this.proof = new ProofLabels(config, store);
        this.votes = new FunctionVotes(config, store, clock);
        this.vectors = vectors;
        this.announcer = announcer;
    }

    /** Re-estimates the enabled functions of the latest round that has any; run in {@code phase} of {@code round}. */
    void run(Phase phase, int round) {
        int functionsRound = latestRoundWithFunctions(round);
        List<FunctionRecord> records = functionsRound == 0 ? List.of() : store.functions().of(functionsRound);
        List<Integer> enabled = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            if (records.get(index).status() == FunctionRecord.Status.ENABLED) {
                enabled.add(index);
            }
        }
        if (enabled.isEmpty()) {
            return;
        }
        Map<String, String> human = new HashMap<>();
        store.humans().examples(config.scheme().name()).forEach(example -> human.put(example.itemId(), example.label()));
        ItemInputs items = new ItemInputs(store.items(), vectors);
        List<LabelingFunction> functions = enabled.stream().map(index -> records.get(index).function()).toList();
        // Only labeled items can check a vote, and what a function covers does not change while the
        // texts do not: the functions are applied to the labeled items, not to every item again.
        VoteMatrix matrix = items.applyTo(human.keySet(), functions);
        List<FunctionRecord> updated = new ArrayList<>(records);
        boolean switchedOff = false;
        double bar = config.solo().phases().labelingFunctions().minPrecision();
        for (int f = 0; f < functions.size(); f++) {
            int index = enabled.get(f);
            FunctionRecord record = records.get(index);
            FunctionStats stats = FunctionAnalysis.of(matrix, f, proof.forCandidate(functionsRound, index, human));
            if (stats.checked() == record.checked()) {
                continue;
            }
            boolean keep = stats.precisionLow() >= bar;
            updated.set(index, FunctionRecord.of(record.function(), record.covered(), stats.checked(), stats.correct(),
                    keep ? FunctionRecord.Status.ENABLED : FunctionRecord.Status.DISABLED,
                    keep ? record.decidedBy() : "solo (precision fell below min_precision)"));
            if (!keep) {
                switchedOff = true;
                announcer.accept(String.format(Locale.ROOT, "Labeling function %s is switched off: %d of %d checked "
                                + "labels right, lower bound %.2f, below min_precision %.2f.", record.function().name(),
                        stats.correct(), stats.checked(), stats.precisionLow(), bar));
            }
        }
        store.functions().save(functionsRound, updated);
        if (switchedOff) {
            votes.apply(phase, round, updated, items, "solo (precision fell below min_precision)",
                    "round " + round + ": a labeling function fell below min_precision");
        }
    }

    private int latestRoundWithFunctions(int round) {
        for (int candidate = round; candidate >= 1; candidate--) {
            if (!store.functions().of(candidate).isEmpty()) {
                return candidate;
            }
        }
        return 0;
    }
}
