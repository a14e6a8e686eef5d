package dev.solo.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.StoredVector;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The nearest human-labeled items, checked against an exhaustive sort, and their vote. */
class NearestLabeledTest {

    private static float[] unit(Random random, int dimension) {
        float[] vector = new float[dimension];
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            vector[d] = (float) random.nextGaussian();
            norm += vector[d] * vector[d];
        }
        for (int d = 0; d < dimension; d++) {
            vector[d] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    @Test
    void theNearestAreThoseAnExhaustiveSortFindsAndNeverTheItemItself() {
        Random random = new Random(5);
        EmbeddingMatrix vectors = new EmbeddingMatrix(16, 300);
        for (int i = 0; i < 300; i++) {
            vectors.add(StoredVector.quantize("item-" + i, unit(random, 16)));
        }
        java.util.Map<String, String> labeled = new java.util.HashMap<>();
        for (int i = 0; i < 300; i += 3) {
            labeled.put("item-" + i, i % 2 == 0 ? "A" : "B");
        }
        NearestLabeled nearest = new NearestLabeled(vectors, labeled);

        for (String query : List.of("item-0", "item-1", "item-151")) {
            int self = vectors.row(query).getAsInt();
            List<String> expected = labeled.keySet().stream().filter(id -> !id.equals(query))
                    .sorted((a, b) -> Double.compare(vectors.similarity(self, vectors.row(b).getAsInt()),
                            vectors.similarity(self, vectors.row(a).getAsInt())))
                    .limit(5).toList();
            List<NearestLabeled.Neighbour> found = nearest.of(query, 5);
            assertThat(found).extracting(NearestLabeled.Neighbour::itemId).containsExactlyElementsOf(expected);
            assertThat(found).allSatisfy(near -> assertThat(near.label()).isEqualTo(labeled.get(near.itemId())));
            assertThat(found).extracting(NearestLabeled.Neighbour::similarity).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
        assertThat(nearest.labeledCount()).isEqualTo(100);
    }

    @Test
    void theMajorityLabelWinsAndATieGoesToTheNearest() {
        var a1 = new NearestLabeled.Neighbour("1", "A", 0.9);
        var b1 = new NearestLabeled.Neighbour("2", "B", 0.8);
        var b2 = new NearestLabeled.Neighbour("3", "B", 0.7);
        var a2 = new NearestLabeled.Neighbour("4", "A", 0.6);

        assertThat(NearestLabeled.majority(List.of(a1, b1, b2))).hasValue("B");
        assertThat(NearestLabeled.majority(List.of(a1, b1, b2, a2))).hasValue("A");
        assertThat(NearestLabeled.majority(List.of())).isEmpty();
    }

    @Test
    void anItemWithoutAVectorHasNoNeighbours() {
        EmbeddingMatrix vectors = new EmbeddingMatrix(4, 2);
        vectors.add(StoredVector.quantize("a", new float[] {1, 0, 0, 0}));
        NearestLabeled nearest = new NearestLabeled(vectors, Map.of("a", "A", "missing", "B"));

        assertThat(nearest.labeledCount()).isEqualTo(1);
        assertThat(nearest.of("elsewhere", 3)).isEmpty();
    }
}
