package dev.solo.labeler.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.embed.NearestNeighbours;
import dev.solo.embed.StoredVector;
import dev.solo.human.HumanExample;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import dev.solo.labeler.TemperatureScaling;
import dev.solo.metrics.CalibrationError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Smoothing over neighbours on constructed vectors: tight clusters whose label the features show
 * only through one noisy dimension (smoothing must help), and clusters that mix both labels
 * around a clean dimension (smoothing must hurt).
 */
class NeighbourSmoothingTest {
    private static final List<String> LABELS = List.of("no", "yes");
    private static final int CLUSTERS = 80;
    private static final int PER_CLUSTER = 30;
    private static final int DIMENSION = 16;
    private static final int LABELED = 400;

    /** Items, their labels and which are labeled: the first {@link #LABELED} of a seeded shuffle. */
    private record Data(EmbeddingMatrix vectors, int[] labels, List<String> labeled, List<String> unseen) {

        List<HumanExample> examples() {
            return labeled.stream().map(id -> new HumanExample(id, LABELS.get(labels[index(id)]))).toList();
        }

        double accuracy(List<Prediction> predictions) {
            return predictions.stream().filter(p -> p.label().equals(LABELS.get(labels[index(p.itemId())]))).count()
                    / (double) predictions.size();
        }

        static int index(String id) {
            return Integer.parseInt(id.substring("item-".length()));
        }
    }

    /**
     * Clusters with a label each; the label shows in dimension 0 as ±{@code signal} plus noise of
     * {@code labelNoise}, and the other dimensions place the cluster (spread {@code spread}). With
     * {@code labelPerCluster} false, each item's label is drawn on its own, so a cluster holds both.
     */
    private static Data data(double signal, double labelNoise, double spread, boolean labelPerCluster, long seed) {
        Random random = new Random(seed);
        int count = CLUSTERS * PER_CLUSTER;
        EmbeddingMatrix vectors = new EmbeddingMatrix(DIMENSION, count);
        int[] labels = new int[count];
        for (int c = 0; c < CLUSTERS; c++) {
            double[] centre = random.doubles(DIMENSION, -3, 3).toArray();
            int clusterLabel = c % 2;
            for (int m = 0; m < PER_CLUSTER; m++) {
                int i = c * PER_CLUSTER + m;
                labels[i] = labelPerCluster ? clusterLabel : random.nextInt(2);
                float[] vector = new float[DIMENSION];
                vector[0] = (float) ((labels[i] == 1 ? signal : -signal) + random.nextGaussian() * labelNoise);
                double norm = vector[0] * vector[0];
                for (int d = 1; d < DIMENSION; d++) {
                    vector[d] = (float) (centre[d] + random.nextGaussian() * spread);
                    norm += vector[d] * vector[d];
                }
                for (int d = 0; d < DIMENSION; d++) {
                    vector[d] /= (float) Math.sqrt(norm);
                }
                vectors.add(StoredVector.quantize("item-" + i, vector));
            }
        }
        List<String> ids = new ArrayList<>(IntStream.range(0, count).mapToObj(i -> "item-" + i).toList());
        Collections.shuffle(ids, new Random(seed + 1));
        return new Data(vectors, labels, ids.subList(0, LABELED), ids.subList(LABELED, count));
    }

    /** Helps: the label is each cluster's, and shows in every item only faintly through noise. */
    private static Data noisyFeatureClusters() {
        return data(0.2, 0.4, 0.8, true, 11);
    }

    private static LocalLabeler labeler(Data data, long seed) {
        return new LocalLabeler(data.vectors(), EmbeddingModel.BGE_SMALL_EN_V15, LABELS, seed);
    }

    /** The same regression without smoothing: the chosen strength and temperature, on the same labels. */
    private static double linearAccuracy(Data data) {
        double[][] features = data.labeled().stream()
                .map(id -> LocalModel.toDoubles(data.vectors().vector(data.vectors().row(id).orElseThrow())))
                .toArray(double[][]::new);
        int[] labels = data.labeled().stream().mapToInt(id -> data.labels()[Data.index(id)]).toArray();
        StrengthSearch search = StrengthSearch.run(features, labels, 2, LocalLabeler.FOLDS, new Random(1));
        SoftmaxRegression regression = SoftmaxRegression.fit(features, labels, 2, search.strength(), null);
        long right = data.unseen().stream().filter(id -> {
            double[] p = TemperatureScaling.softmax(regression.logits(
                    LocalModel.toDoubles(data.vectors().vector(data.vectors().row(id).orElseThrow()))), 1);
            return (p[1] > p[0] ? 1 : 0) == data.labels()[Data.index(id)];
        }).count();
        return right / (double) data.unseen().size();
    }

    @Test
    void crossValidationSmoothsWhenNeighboursShareALabelTheFeaturesShowOnlyThroughNoise() {
        Data data = noisyFeatureClusters();

        LabelingModel model = labeler(data, 1).train(data.examples());

        assertThat(model.description()).contains("+neighbour smoothing α=");
        assertThat(data.accuracy(model.predict(data.unseen()))).isGreaterThan(linearAccuracy(data) + 0.05);
    }

    @Test
    void crossValidationLeavesSmoothingOffWhenNeighboursDisagreeWithACleanFeature() {
        Data data = data(0.3, 0.2, 0.5, false, 12);

        LabelingModel model = labeler(data, 1).train(data.examples());

        assertThat(model.description()).contains("no neighbour smoothing").doesNotContain("α=");
        assertThat(data.accuracy(model.predict(data.unseen()))).isGreaterThan(0.9);
    }

    @Test
    void smoothedConfidencesStayCalibratedOnUnseenItems() {
        Data data = noisyFeatureClusters();

        List<Prediction> predictions = labeler(data, 3).train(data.examples()).predict(data.unseen());

        double[] confidences = predictions.stream().mapToDouble(Prediction::confidence).toArray();
        boolean[] correct = new boolean[predictions.size()];
        for (int i = 0; i < correct.length; i++) {
            correct[i] = predictions.get(i).label().equals(LABELS.get(data.labels()[Data.index(predictions.get(i).itemId())]));
        }
        assertThat(CalibrationError.expected(confidences, correct)).isLessThan(0.05);
    }

    @Test
    void theSameLabelsAndSeedGiveTheSameSmoothedModelAgainAndOnAnotherLabeler() {
        Data data = noisyFeatureClusters();
        LocalLabeler labeler = labeler(data, 5);

        LabelingModel first = labeler.train(data.examples());
        LabelingModel again = labeler.train(data.examples());
        LabelingModel elsewhere = labeler(data, 5).train(data.examples());

        assertThat(first.description()).contains("+neighbour smoothing");
        assertThat(again.predict(data.unseen())).isEqualTo(first.predict(data.unseen()));
        assertThat(elsewhere.predict(data.unseen())).isEqualTo(first.predict(data.unseen()));
        assertThat(elsewhere.description()).isEqualTo(first.description());
        assertThat(labeler.name()).isEqualTo("local:bge-small-en-v1.5");
    }

    @Test
    void neighboursAreTheExactNearestAmongTheReferenceAndNeverTheItemItself() {
        Data data = noisyFeatureClusters();
        ReferenceNeighbours reference = new ReferenceNeighbours(data.vectors(), 9);
        NearestNeighbours exact = new NearestNeighbours(data.vectors());
        int[] rows = {0, 17, 1234, 2399};

        int[][] found = reference.of(rows);

        assertThat(reference.size()).isEqualTo(data.vectors().size());
        for (int i = 0; i < rows.length; i++) {
            int[] foundRows = Arrays.stream(found[i]).map(reference::row).toArray();
            int[] exactRows = exact.nearest(rows[i], ReferenceNeighbours.K, exact.allRows()).stream()
                    .mapToInt(NearestNeighbours.Neighbour::row).toArray();
            assertThat(foundRows).doesNotContain(rows[i]).containsExactlyInAnyOrder(exactRows);
        }
    }

    @Test
    void aLargeDatasetIsSampledToTheSameReferenceItemsWhateverTheOrderOfItsVectors() {
        int count = ReferenceNeighbours.SIZE + 1500;
        List<String> ids = new ArrayList<>(IntStream.range(0, count).mapToObj(i -> "item-" + i).toList());
        EmbeddingMatrix inOrder = new EmbeddingMatrix(4, count);
        ids.forEach(id -> inOrder.add(StoredVector.quantize(id, new float[] {1, 0, 0, 0})));
        Collections.shuffle(ids, new Random(4));
        EmbeddingMatrix shuffled = new EmbeddingMatrix(4, count);
        ids.forEach(id -> shuffled.add(StoredVector.quantize(id, new float[] {1, 0, 0, 0})));

        ReferenceNeighbours first = new ReferenceNeighbours(inOrder, 2);
        ReferenceNeighbours second = new ReferenceNeighbours(shuffled, 2);

        assertThat(first.size()).isEqualTo(ReferenceNeighbours.SIZE);
        assertThat(referenceIds(second, shuffled)).isEqualTo(referenceIds(first, inOrder));
        assertThat(referenceIds(new ReferenceNeighbours(inOrder, 3), inOrder)).isNotEqualTo(referenceIds(first, inOrder));
    }

    private static Set<String> referenceIds(ReferenceNeighbours reference, EmbeddingMatrix vectors) {
        Set<String> ids = new HashSet<>();
        for (int j = 0; j < reference.size(); j++) {
            ids.add(vectors.id(reference.row(j)));
        }
        return ids;
    }
}
