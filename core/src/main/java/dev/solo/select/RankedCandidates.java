package dev.solo.select;

import java.util.function.IntFunction;

/**
 * A pool whose order is fixed before the batch is drawn. A candidate the batch refuses is refused
 * for good (the batch only grows), so the cursor never goes back.
 */
final class RankedCandidates implements PoolRanking {
    private final int[] order;
    private final IntFunction<String> detail;
    private int next;

    RankedCandidates(int[] order, IntFunction<String> detail) {
        this.order = order;
        this.detail = detail;
    }

    @Override
    public Pick next(BatchDraft batch) {
        while (next < order.length) {
            int candidate = order[next++];
            if (batch.accepts(candidate)) {
                return new Pick(candidate, detail.apply(candidate));
            }
        }
        return null;
    }
}
