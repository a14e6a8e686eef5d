package dev.solo.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.config.PhasesConfig.ActiveStrategy;
import dev.solo.config.PrioritizationConfig;
import dev.solo.config.PrioritizationConfig.PoolName;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.StoredVector;
import dev.solo.metrics.ConfusionReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each pool's rule on constructed data where it must fill (disagreement included: the reference
 * implementation's could never fill), the weights and what a dry pool passes on, the random minimum,
 * the strategies, near-duplicates, and determinism.
 */
class ActiveBatchSelectorTest {
    private static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");
    private static final int DIMENSION = 8;

    /** Item i: confident Positive unless the test says otherwise; each on its own axis mix, far from the others. */
    private final List<ActiveCandidate> candidates = new ArrayList<>();
    private final EmbeddingMatrix vectors = new EmbeddingMatrix(DIMENSION, 512);
    private final Map<String, String> human = new HashMap<>();

    private void candidate(String id, double positive, double neutral, String functionVote, float[] vector) {
        double negative = Math.max(0, 1 - positive - neutral);
        double[] distribution = {positive, neutral, negative};
        int best = positive >= neutral && positive >= negative ? 0 : neutral >= negative ? 1 : 2;
        double[] sorted = distribution.clone();
        Arrays.sort(sorted);
        candidates.add(new ActiveCandidate(id, LABELS.get(best), sorted[2], sorted[2] - sorted[1], distribution,
                functionVote, functionVote == null ? 0 : 0.95));
        vectors.add(StoredVector.quantize(id, vector));
    }

    private static float[] direction(long seed) {
        Random random = new Random(seed);
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) random.nextGaussian();
            norm += v[d] * v[d];
        }
        for (int d = 0; d < DIMENSION; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private void plainCandidates(int count) {
        for (int i = 0; i < count; i++) {
            candidate("plain-" + i, 0.97, 0.02, null, direction(1000 + i));
        }
    }

    private static List<PrioritizationConfig.Pool> weights(Object... nameAndWeight) {
        List<PrioritizationConfig.Pool> pools = new ArrayList<>();
        for (int i = 0; i < nameAndWeight.length; i += 2) {
            pools.add(new PrioritizationConfig.Pool((PoolName) nameAndWeight[i], (Double) nameAndWeight[i + 1], null));
        }
        return pools;
    }

    private List<QueueEntry> select(List<PrioritizationConfig.Pool> pools, ActiveStrategy strategy, double minRandom,
                                    int batch, List<ConfusionReport.Pair> pairs, long seed) {
        return new ActiveBatchSelector(pools, strategy, 0.85, minRandom, 20_000)
                .select(new ActiveSelectionInput(candidates, vectors, human, pairs, LABELS), batch, new Random(seed));
    }

    private static Map<String, Long> byPool(List<QueueEntry> batch) {
        return batch.stream().collect(Collectors.groupingBy(QueueEntry::pool, Collectors.counting()));
    }

    @Test
    void theUncertainPoolTakesConfidenceBelowTheThresholdLeastConfidentFirst() {
        plainCandidates(60);
        candidate("unsure-0.40", 0.40, 0.35, null, direction(1));
        candidate("unsure-0.60", 0.60, 0.30, null, direction(2));
        candidate("unsure-0.80", 0.80, 0.15, null, direction(3));

        List<QueueEntry> batch = select(weights(PoolName.UNCERTAIN, 1.0), ActiveStrategy.HYBRID, 0, 2, List.of(), 1);

        assertThat(batch).extracting(QueueEntry::itemId).containsExactly("unsure-0.40", "unsure-0.60");
        assertThat(batch).allSatisfy(entry -> assertThat(entry.pool()).isEqualTo("uncertain"));
        assertThat(batch.get(0).detail()).contains("0.40").contains("0.85");
    }

    @Test
    void theDisagreementPoolFillsWhereTheModelAndTheFunctionsDiffer() {
        plainCandidates(60);
        candidate("agree", 0.97, 0.02, "Positive", direction(1));
        candidate("disagree-1", 0.95, 0.03, "Negative", direction(2));
        candidate("disagree-2", 0.90, 0.05, "Neutral", direction(3));

        List<QueueEntry> batch = select(weights(PoolName.DISAGREEMENT, 1.0), ActiveStrategy.HYBRID, 0, 2, List.of(), 1);

        assertThat(batch).extracting(QueueEntry::itemId).containsExactlyInAnyOrder("disagree-1", "disagree-2");
        assertThat(batch).allSatisfy(entry -> assertThat(entry.pool()).isEqualTo("disagreement"));
    }

    @Test
    void theBoundaryPoolTakesTheSmallestMarginFirst() {
        plainCandidates(60);
        candidate("tight", 0.46, 0.44, null, direction(1));
        candidate("loose", 0.70, 0.20, null, direction(2));

        List<QueueEntry> batch = select(weights(PoolName.BOUNDARY, 1.0), ActiveStrategy.HYBRID, 0, 1, List.of(), 1);

        assertThat(batch).extracting(QueueEntry::itemId).containsExactly("tight");
        assertThat(batch.get(0).pool()).isEqualTo("boundary");
    }

    @Test
    void theNovelPoolTakesWhatIsFarthestFromEveryLabeledItem() {
        float[] labeledDirection = direction(7);
        vectors.add(StoredVector.quantize("labeled", labeledDirection));
        human.put("labeled", "Positive");
        for (int i = 0; i < 30; i++) {
            float[] near = labeledDirection.clone();
            near[i % DIMENSION] += 0.05f * (1 + i % 3);
            candidate("near-" + i, 0.97, 0.02, null, near);
        }
        float[] opposite = labeledDirection.clone();
        for (int d = 0; d < DIMENSION; d++) {
            opposite[d] = -opposite[d];
        }
        candidate("far", 0.97, 0.02, null, opposite);

        List<QueueEntry> batch = select(weights(PoolName.NOVEL, 1.0), ActiveStrategy.HYBRID, 0, 1, List.of(), 1);

        assertThat(batch).extracting(QueueEntry::itemId).containsExactly("far");
        assertThat(batch.get(0).pool()).isEqualTo("novel");
    }

    @Test
    void theErrorPatternPoolTakesItemsPredictedOnTheWrongSideOfAConfusionPair() {
        plainCandidates(60);
        candidate("neutral-or-positive", 0.30, 0.60, null, direction(1));
        candidate("negative-or-positive", 0.30, 0.05, null, direction(2));
        ConfusionReport.Pair positiveReadAsNeutral = new ConfusionReport.Pair("Positive", "Neutral", 12, 0.1, List.of());

        List<QueueEntry> batch = select(weights(PoolName.ERROR_PATTERN, 1.0), ActiveStrategy.HYBRID, 0, 1,
                List.of(positiveReadAsNeutral), 1);

        assertThat(batch).extracting(QueueEntry::itemId).containsExactly("neutral-or-positive");
        assertThat(batch.get(0).pool()).isEqualTo("error_pattern");
    }

    @Test
    void weightsSplitTheBatchAndADryPoolPassesItsShareOn() {
        plainCandidates(200);
        for (int i = 0; i < 50; i++) {
            candidate("unsure-" + i, 0.50, 0.30, null, direction(i));
        }
        // No function votes anywhere: the disagreement pool is dry and passes its share on.
        List<QueueEntry> batch = select(weights(PoolName.UNCERTAIN, 0.5, PoolName.DISAGREEMENT, 0.3,
                PoolName.RANDOM, 0.2), ActiveStrategy.HYBRID, 0.2, 20, List.of(), 4);

        Map<String, Long> pools = byPool(batch);
        assertThat(batch).hasSize(20);
        assertThat(pools).doesNotContainKey("disagreement");
        assertThat(pools.get("random")).isGreaterThanOrEqualTo(4);
        assertThat(pools.get("uncertain")).isGreaterThan(10);
    }

    @Test
    void theRandomMinimumHoldsWhateverTheWeights() {
        plainCandidates(100);
        for (int i = 0; i < 50; i++) {
            candidate("unsure-" + i, 0.50, 0.30, null, direction(i));
        }

        List<QueueEntry> noRandomWeight = select(weights(PoolName.UNCERTAIN, 1.0), ActiveStrategy.HYBRID, 0.2, 25,
                List.of(), 3);
        List<QueueEntry> smallRandomWeight = select(weights(PoolName.UNCERTAIN, 0.95, PoolName.RANDOM, 0.05),
                ActiveStrategy.UNCERTAINTY, 0.2, 25, List.of(), 3);

        assertThat(byPool(noRandomWeight).get("random")).isGreaterThanOrEqualTo(5);
        assertThat(byPool(smallRandomWeight).get("random")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void strategiesKeepToTheirPools() {
        plainCandidates(100);
        for (int i = 0; i < 40; i++) {
            candidate("unsure-" + i, 0.45, 0.40, i % 2 == 0 ? "Negative" : null, direction(i));
        }
        List<PrioritizationConfig.Pool> all = PrioritizationConfig.DEFAULT.pools();

        Set<String> uncertainty = byPool(select(all, ActiveStrategy.UNCERTAINTY, 0.2, 25, List.of(), 5)).keySet();
        Set<String> diversity = byPool(select(all, ActiveStrategy.DIVERSITY, 0.2, 25, List.of(), 5)).keySet();

        assertThat(uncertainty).isSubsetOf("uncertain", "boundary", "random").contains("uncertain", "random");
        assertThat(diversity).isSubsetOf("novel", "random").contains("novel", "random");
    }

    @Test
    void noItemTwiceAndNoNearDuplicatesInABatch() {
        float[] shared = direction(99);
        for (int i = 0; i < 30; i++) {
            candidate("copy-" + i, 0.40 + i * 0.001, 0.35, null, shared);
        }
        plainCandidates(100);

        List<QueueEntry> batch = select(PrioritizationConfig.DEFAULT.pools(), ActiveStrategy.HYBRID, 0.2, 25,
                List.of(), 6);

        Set<String> ids = new HashSet<>();
        batch.forEach(entry -> ids.add(entry.itemId()));
        assertThat(ids).hasSize(batch.size());
        assertThat(ids.stream().filter(id -> id.startsWith("copy-"))).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void theSameInputAndSeedGiveTheSameBatch() {
        plainCandidates(150);
        for (int i = 0; i < 30; i++) {
            candidate("unsure-" + i, 0.45, 0.40, null, direction(i));
        }

        assertThat(select(PrioritizationConfig.DEFAULT.pools(), ActiveStrategy.HYBRID, 0.2, 25, List.of(), 8))
                .isEqualTo(select(PrioritizationConfig.DEFAULT.pools(), ActiveStrategy.HYBRID, 0.2, 25, List.of(), 8));
    }

    @Test
    void beyondMaxCandidatesASubsampleStillFillsTheBatch() {
        plainCandidates(300);
        ActiveBatchSelector selector = new ActiveBatchSelector(PrioritizationConfig.DEFAULT.pools(),
                ActiveStrategy.HYBRID, 0.85, 0.2, 50);

        List<QueueEntry> batch = selector.select(new ActiveSelectionInput(candidates, vectors, human, List.of(), LABELS),
                25, new Random(2));

        assertThat(selector.subsampled(300)).isTrue();
        assertThat(selector.subsampled(50)).isFalse();
        assertThat(batch).hasSize(25);
    }
}
