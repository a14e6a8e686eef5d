package dev.solo.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TextEncoderTest {
    private static final List<String> SENTENCES = List.of(
            "I loved this film, the acting was wonderful.",
            "A wonderful movie with great performances.",
            "The central bank raised interest rates again on Tuesday.");

    /** Loading a model costs more than encoding three sentences, so each is loaded once for the class. */
    private static final Map<EmbeddingModel, TextEncoder> LOADED = new EnumMap<>(EmbeddingModel.class);

    @AfterAll
    static void closeEncoders() {
        LOADED.values().forEach(TextEncoder::close);
    }

    private static TextEncoder encoder(EmbeddingModel model) {
        return LOADED.computeIfAbsent(model, TextEncoder::load);
    }

    @ParameterizedTest
    @EnumSource(EmbeddingModel.class)
    void shippedModelEmbedsUnitVectorsThatPlaceParaphrasesClosest(EmbeddingModel model) {
        float[][] vectors = encoder(model).encode(SENTENCES);

        assertThat(vectors).hasNumberOfRows(3);
        for (float[] vector : vectors) {
            assertThat(vector).hasSize(384);
            assertThat(dot(vector, vector)).isCloseTo(1.0, within(1e-4));
        }
        assertThat(dot(vectors[0], vectors[1])).isGreaterThan(dot(vectors[0], vectors[2]) + 0.1);
    }

    @ParameterizedTest
    @EnumSource(EmbeddingModel.class)
    void sameBatchGivesIdenticalVectors(EmbeddingModel model) {
        TextEncoder encoder = encoder(model);

        assertThat(encoder.encode(SENTENCES)).isDeepEqualTo(encoder.encode(SENTENCES));
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void onnxRuntimeLoadsItsLibrariesFromTheUnpackedCacheNotATemporaryFolder() {
        encoder(EmbeddingModel.ALL_MINILM_L6_V2);

        String folder = System.getProperty(OnnxNativeLibraries.PATH_PROPERTY);
        assertThat(folder).isNotNull();
        assertThat(Path.of(folder).resolve("libonnxruntime.so")).isRegularFile();
        assertThat(Path.of(folder).resolve("libonnxruntime4j_jni.so")).isRegularFile();
        assertThat(folder).doesNotStartWith(System.getProperty("java.io.tmpdir"));
    }
}
