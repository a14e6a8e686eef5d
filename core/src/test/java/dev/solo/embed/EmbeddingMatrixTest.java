package dev.solo.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmbeddingMatrixTest {

    @Test
    void everyRowIsFoundByItsIdAfterTheMatrixGrewPastItsExpectedSize() {
        EmbeddingMatrix matrix = new EmbeddingMatrix(2, 1);
        IntStream.range(0, 10_000).forEach(i -> matrix.add(new StoredVector(id(i), 0.5f, new byte[] {(byte) i, 1})));

        assertThat(matrix.size()).isEqualTo(10_000);
        for (int i = 0; i < 10_000; i++) {
            assertThat(matrix.id(i)).isEqualTo(id(i));
            assertThat(matrix.row(id(i))).hasValue(i);
        }
        assertThat(matrix.row("absent")).isEmpty();
        assertThat(matrix.vector(300)).containsExactly((byte) 300 * 0.5f, 0.5f);
    }

    @Test
    void aSecondVectorForAnItemIsIgnored() {
        EmbeddingMatrix matrix = new EmbeddingMatrix(1, 4);
        matrix.add(new StoredVector("a", 1f, new byte[] {1}));
        matrix.add(new StoredVector("b", 1f, new byte[] {2}));
        matrix.add(new StoredVector("a", 1f, new byte[] {3}));

        assertThat(matrix.size()).isEqualTo(2);
        assertThat(matrix.vector(matrix.row("a").orElseThrow())).containsExactly(1f);
    }

    private static String id(int i) {
        return i % 3 == 0 ? "déjà-" + i : "item-" + i;
    }
}
