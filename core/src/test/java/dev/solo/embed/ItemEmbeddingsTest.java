package dev.solo.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemEmbeddingsTest {
    @TempDir
    Path dir;

    private ExampleReviews reviews;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void openReviews() throws IOException {
        reviews = ExampleReviews.open(dir, 60);
    }

    @AfterEach
    void close() {
        reviews.store.close();
    }

    @Test
    void eachItemIsEmbeddedOnceAndAnInterruptedRunResumesWithTheRest() {
        ItemEmbeddings embeddings = new ItemEmbeddings(reviews.store.vectors(), reviews.store.items()::texts, progress::add);
        List<String> ids = reviews.ids();

        EmbeddingMatrix firstTwenty = embeddings.forItems(EmbeddingModel.ALL_MINILM_L6_V2, ids.subList(0, 20));
        EmbeddingMatrix all = embeddings.forItems(EmbeddingModel.ALL_MINILM_L6_V2, ids);
        progress.clear();
        EmbeddingMatrix again = embeddings.forItems(EmbeddingModel.ALL_MINILM_L6_V2, ids);

        assertThat(firstTwenty.size()).isEqualTo(20);
        assertThat(all.size()).isEqualTo(60);
        assertThat(again.size()).isEqualTo(60);
        assertThat(progress).as("nothing left to embed").isEmpty();
        int row = all.row(ids.get(5)).orElseThrow();
        assertThat(again.vector(again.row(ids.get(5)).orElseThrow())).isEqualTo(all.vector(row));
    }

    @Test
    void theResumedRunSaysHowManyItemsAreLeft() {
        ItemEmbeddings embeddings = new ItemEmbeddings(reviews.store.vectors(), reviews.store.items()::texts, progress::add);
        embeddings.forItems(EmbeddingModel.ALL_MINILM_L6_V2, reviews.ids().subList(0, 20));
        progress.clear();

        embeddings.forItems(EmbeddingModel.ALL_MINILM_L6_V2, reviews.ids());

        assertThat(progress.get(0)).isEqualTo("Embedding 40 items with all-MiniLM-L6-v2 (once per item; resumable).");
    }

    @Test
    void storedInt8VectorsKeepTheCosineOfTheModelsFloatVectors() {
        List<String> ids = reviews.ids().subList(0, 32);
        EmbeddingMatrix stored = new ItemEmbeddings(reviews.store.vectors(), reviews.store.items()::texts, progress::add)
                .forItems(EmbeddingModel.ALL_MINILM_L6_V2, ids);
        List<String> sortedByLength = new ArrayList<>(ids);
        sortedByLength.sort(Comparator.comparingInt((String id) -> reviews.store.items().item(id).text().length()));
        float[][] exact;
        try (TextEncoder encoder = TextEncoder.load(EmbeddingModel.ALL_MINILM_L6_V2)) {
            exact = encoder.encode(sortedByLength.stream().map(id -> reviews.store.items().item(id).text()).toList());
        }

        for (int i = 0; i < sortedByLength.size(); i++) {
            int row = stored.row(sortedByLength.get(i)).orElseThrow();
            assertThat(stored.similarity(exact[i], row)).isGreaterThan(0.999);
        }
    }

    @Test
    void vectorsOfEachModelAreKeptApart() {
        List<String> ids = reviews.ids().subList(0, 10);
        ItemEmbeddings embeddings = new ItemEmbeddings(reviews.store.vectors(), reviews.store.items()::texts, progress::add);

        EmbeddingMatrix minilm = embeddings.forItems(EmbeddingModel.ALL_MINILM_L6_V2, ids);
        EmbeddingMatrix bge = embeddings.forItems(EmbeddingModel.BGE_SMALL_EN_V15, ids);

        assertThat(progress).anyMatch(line -> line.startsWith("Embedding 10 items with bge-small-en-v1.5"));
        assertThat(minilm.vector(0)).isNotEqualTo(bge.vector(bge.row(minilm.id(0)).orElseThrow()));
    }
}
