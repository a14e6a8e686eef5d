package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.label.FunctionLabel;
import dev.solo.label.LabelingSetup;
import dev.solo.lf.FunctionRecord;
import dev.solo.lf.FunctionStats;
import dev.solo.lf.LabelingFunction;
import dev.solo.lf.VoteCombiner;
import dev.solo.lf.VoteMatrix;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts a decision about the functions into effect: the enabled ones become the labeling setup's
 * (a new version when they changed), and their combined votes, weighted by the precision each
 * proved, replace the stored votes.
 */
final class FunctionVotes {
    private final SoloConfig config;
    private final Store store;
    private final Clock clock;

    FunctionVotes(SoloConfig config, Store store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** {@code why} goes into the setup's history, e.g. "round 1: labeling functions". */
    void apply(Phase phase, int round, List<FunctionRecord> records, ItemInputs items, String decidedBy, String why) {
        List<FunctionRecord> kept = records.stream().filter(r -> r.status() == FunctionRecord.Status.ENABLED).toList();
        List<LabelingFunction> enabled = kept.stream().map(FunctionRecord::function).toList();
        LabelingSetup current = store.setups().current();
        List<String> names = enabled.stream().map(LabelingFunction::name).toList();
        if (!names.equals(current.enabledFunctions())) {
            store.setups().save(new LabelingSetup(current.version() + 1, current.guidelines(), current.promptVariant(),
                    names, decidedBy, why, Instant.ofEpochMilli(clock.millis())));
        }
        VoteMatrix matrix = items.apply(enabled);
        VoteCombiner combiner = new VoteCombiner(kept.stream().map(r -> new FunctionStats(r.function(), r.covered(), 0,
                0, 0, r.checked(), r.correct())).toList());
        Instant now = Instant.ofEpochMilli(clock.millis());
        int setup = store.setups().current().version();
        List<FunctionLabel> labels = new ArrayList<>();
        for (String item : matrix.items()) {
            int[] firing = matrix.firing(item);
            List<String> fired = Arrays.stream(firing).mapToObj(f -> enabled.get(f).name()).toList();
            combiner.combine(firing).ifPresent(vote -> labels.add(new FunctionLabel(item, config.scheme().name(),
                    vote.label(), vote.confidence(), fired, phase, round, setup, now)));
        }
        store.functionLabels().replaceAll(labels);
    }
}
