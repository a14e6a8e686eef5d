package dev.solo.select;

import dev.solo.config.PhasesConfig.ActiveStrategy;
import dev.solo.config.PrioritizationConfig;
import dev.solo.embed.EmbeddingMatrix;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Chooses phase 6's batches from six weighted pools (SPEC phase 6).
 *
 * <p>Each pool the strategy allows gets {@code weight / Σ weights} of the batch, in whole items by
 * largest remainder; random then gets at least {@code ceil(minRandomShare × batchSize)} under every
 * strategy, taken from the largest shares, because accuracy estimates rest on randomly drawn labels
 * alone. A pool that runs dry passes what it could not fill to the other pools with weight, in
 * proportion to their weights, and finally to random.
 *
 * <p>An item is chosen by one pool only: random draws first, so that its picks stay a uniform draw
 * from the candidates, then uncertain, disagreement, boundary, novel and error_pattern. No item is
 * chosen whose cosine similarity to one already in the batch reaches 0.95.
 * The batch is shown one item of each pool in turn, in {@link ActivePool} order.
 *
 * <p>Beyond {@code maxCandidates} candidates a uniform random subsample of that size is scored, so
 * a batch costs the same on a million items as on twenty thousand; see {@link #subsampled(int)}.
 */
public final class ActiveBatchSelector {
    private static final List<ActivePool> CLAIM_ORDER = List.of(ActivePool.RANDOM, ActivePool.UNCERTAIN,
            ActivePool.DISAGREEMENT, ActivePool.BOUNDARY, ActivePool.NOVEL, ActivePool.ERROR_PATTERN);

    private final Map<ActivePool, Double> weights = new EnumMap<>(ActivePool.class);
    private final double confidenceThreshold;
    private final double minRandomShare;
    private final int maxCandidates;

    /**
     * @param pools               the configured pools; one not listed weighs 0, one listed twice adds up
     * @param strategy            which pools draw by weight: all six, uncertain and boundary, or novel and random
     * @param confidenceThreshold the uncertain pool takes confidences below it
     * @param minRandomShare      the least share of a batch drawn at random, under every strategy
     * @param maxCandidates       how many candidates are scored at most
     */
    public ActiveBatchSelector(List<PrioritizationConfig.Pool> pools, ActiveStrategy strategy,
                               double confidenceThreshold, double minRandomShare, int maxCandidates) {
        Objects.requireNonNull(strategy, "strategy");
        if (minRandomShare < 0 || minRandomShare > 1) {
            throw new IllegalArgumentException("minRandomShare " + minRandomShare + " is not between 0 and 1");
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("maxCandidates " + maxCandidates + " is not positive");
        }
        for (PrioritizationConfig.Pool pool : pools) {
            ActivePool active = ActivePool.of(pool.name());
            if (active.allowedUnder(strategy)) {
                weights.merge(active, pool.weight(), Double::sum);
            }
        }
        this.confidenceThreshold = confidenceThreshold;
        this.minRandomShare = minRandomShare;
        this.maxCandidates = maxCandidates;
    }

    /** True when a batch from this many candidates scores only a random {@code maxCandidates} of them. */
    public boolean subsampled(int candidateCount) {
        return candidateCount > maxCandidates;
    }

    /**
     * Returns at most {@code batchSize} distinct candidates (fewer only when there are fewer, or when
     * the rest would be near-duplicates), each with the pool that chose it and why, interleaved by
     * pool. The same input and the same random state give the same batch.
     */
    public List<QueueEntry> select(ActiveSelectionInput input, int batchSize, Random random) {
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize " + batchSize + " is negative");
        }
        List<ActiveCandidate> sample = sample(input.candidates(), random);
        int total = Math.min(batchSize, sample.size());
        if (total == 0) {
            return List.of();
        }
        int[] rows = rows(sample, input.vectors());
        BatchDraft batch = new BatchDraft(sample, input.vectors(), rows);
        Map<ActivePool, PoolRanking> rankings = rankings(input, sample, rows, random);
        EnumMap<ActivePool, Integer> quotas = PoolShares.split(total, weights);
        PoolShares.reserveRandom(quotas, PoolShares.minimumRandom(minRandomShare, batchSize, total));
        fill(quotas, rankings, batch);
        return batch.interleaved();
    }

    private List<ActiveCandidate> sample(List<ActiveCandidate> candidates, Random random) {
        if (!subsampled(candidates.size())) {
            return candidates;
        }
        int[] positions = RandomSeedSelector.partialShuffle(candidates.size(), maxCandidates, random);
        List<ActiveCandidate> sample = new ArrayList<>(positions.length);
        for (int position : positions) {
            sample.add(candidates.get(position));
        }
        return sample;
    }

    private static int[] rows(List<ActiveCandidate> sample, EmbeddingMatrix vectors) {
        int[] rows = new int[sample.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = vectors == null ? -1 : vectors.row(sample.get(i).itemId()).orElse(-1);
        }
        return rows;
    }

    /** Rankings for the pools that can receive items; random is drawn first so the draw does not depend on the weights. */
    private Map<ActivePool, PoolRanking> rankings(ActiveSelectionInput input, List<ActiveCandidate> sample,
                                                  int[] rows, Random random) {
        PoolRules rules = new PoolRules(sample, input.labels());
        Map<ActivePool, PoolRanking> rankings = new EnumMap<>(ActivePool.class);
        rankings.put(ActivePool.RANDOM, rules.random(random));
        for (ActivePool pool : weights.keySet()) {
            if (weights.get(pool) <= 0) {
                continue;
            }
            switch (pool) {
                case UNCERTAIN -> rankings.put(pool, rules.uncertain(confidenceThreshold));
                case DISAGREEMENT -> rankings.put(pool, rules.disagreement());
                case BOUNDARY -> rankings.put(pool, rules.boundary());
                case NOVEL -> {
                    if (input.vectors() != null) {
                        rankings.put(pool, new NoveltyRanking(input.vectors(), rows,
                                input.humanLabels().keySet(), random));
                    }
                }
                case ERROR_PATTERN -> rankings.put(pool, rules.errorPattern(input.confusionPairs()));
                case RANDOM -> { }
            }
        }
        return rankings;
    }

    /** Each pool takes its quota in claim order; what dry pools leave goes round again to the others. */
    private void fill(EnumMap<ActivePool, Integer> quotas, Map<ActivePool, PoolRanking> rankings, BatchDraft batch) {
        Set<ActivePool> dry = EnumSet.noneOf(ActivePool.class);
        while (true) {
            int unused = 0;
            for (ActivePool pool : CLAIM_ORDER) {
                int quota = quotas.getOrDefault(pool, 0);
                PoolRanking ranking = rankings.getOrDefault(pool, PoolRanking.EMPTY);
                while (batch.count(pool) < quota && !dry.contains(pool)) {
                    PoolRanking.Pick pick = ranking.next(batch);
                    if (pick == null) {
                        dry.add(pool);
                    } else {
                        batch.add(pick.candidate(), pool, pick.detail());
                    }
                }
                if (dry.contains(pool)) {
                    unused += quota - batch.count(pool);
                    quotas.put(pool, batch.count(pool));
                }
            }
            Map<ActivePool, Double> receivers = new EnumMap<>(ActivePool.class);
            weights.forEach((pool, weight) -> {
                if (weight > 0 && !dry.contains(pool)) {
                    receivers.put(pool, weight);
                }
            });
            if (receivers.isEmpty() && !dry.contains(ActivePool.RANDOM)) {
                receivers.put(ActivePool.RANDOM, 1.0);
            }
            if (unused == 0 || receivers.isEmpty()) {
                return;
            }
            PoolShares.split(unused, receivers).forEach((pool, extra) -> quotas.merge(pool, extra, Integer::sum));
        }
    }
}
