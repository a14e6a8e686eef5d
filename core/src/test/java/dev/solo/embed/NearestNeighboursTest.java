package dev.solo.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

    @Test
    void findsTheSameNeighboursAsSortingEverySimilarity() {
        Random random = new Random(11);
        EmbeddingMatrix matrix = new EmbeddingMatrix(16, 4);
        for (int i = 0; i < 300; i++) {
            float[] vector = new float[16];
            for (int d = 0; d < 16; d++) {
                vector[d] = (float) random.nextGaussian();
            }
            matrix.add(StoredVector.quantize("item-" + i, TextEncoder.normalize(vector)));
        }
        NearestNeighbours search = new NearestNeighbours(matrix);

        List<NearestNeighbours.Neighbour> found = search.nearest(42, 5, search.allRows());

        List<Integer> expected = IntStream.range(0, 300).boxed()
                .filter(row -> row != 42)
                .sorted(Comparator.comparingDouble((Integer row) -> matrix.similarity(42, row)).reversed())
                .limit(5)
                .toList();
        assertThat(found).extracting(NearestNeighbours.Neighbour::row).containsExactlyElementsOf(expected);
        assertThat(found.get(0).itemId()).isEqualTo("item-" + expected.get(0));
        assertThat(found.get(0).similarity()).isGreaterThanOrEqualTo(found.get(4).similarity());
    }

    @Test
    void searchesOnlyAmongTheGivenCandidates() {
        EmbeddingMatrix matrix = new EmbeddingMatrix(2, 4);
        matrix.add(StoredVector.quantize("query", new float[] {1, 0}));
        matrix.add(StoredVector.quantize("twin", new float[] {1, 0}));
        matrix.add(StoredVector.quantize("near", new float[] {0.8f, 0.6f}));
        matrix.add(StoredVector.quantize("far", new float[] {-1, 0}));

        List<NearestNeighbours.Neighbour> found = new NearestNeighbours(matrix).nearest(0, 2, new int[] {2, 3});

        assertThat(found).extracting(NearestNeighbours.Neighbour::itemId).containsExactly("near", "far");
    }
}
