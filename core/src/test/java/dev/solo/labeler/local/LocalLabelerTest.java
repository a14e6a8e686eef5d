package dev.solo.labeler.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.embed.ExampleReviews;
import dev.solo.embed.ItemEmbeddings;
import dev.solo.labeler.Prediction;
import dev.solo.human.HumanExample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local labeler on real movie-review sentences and their real embeddings. */
class LocalLabelerTest {
    private static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");

    @TempDir
    static Path dir;

    private static ExampleReviews reviews;
    private static EmbeddingMatrix vectors;
    private static List<HumanExample> training;
    private static List<String> unseen;

    @BeforeAll
    static void embedReviews() throws IOException {
        reviews = ExampleReviews.open(dir, 500);
        List<String> ids = reviews.ids();
        vectors = new ItemEmbeddings(reviews.store.vectors(), reviews.store.items()::texts, message -> { }).forItems(EmbeddingModel.BGE_SMALL_EN_V15, ids);
        training = ids.subList(0, 250).stream().map(id -> new HumanExample(id, reviews.gold.get(id))).toList();
        unseen = ids.subList(250, 500);
    }

    @AfterAll
    static void close() {
        reviews.store.close();
    }

    @Test
    void labelsUnseenReviewsFarBetterThanTheLargestClassWithHonestConfidence() {
        LocalLabeler labeler = new LocalLabeler(vectors, EmbeddingModel.BGE_SMALL_EN_V15, LABELS, 1);

        List<Prediction> predictions = labeler.train(training).predict(unseen);

        long right = predictions.stream().filter(p -> p.label().equals(reviews.gold.get(p.itemId()))).count();
        double accuracy = right / (double) unseen.size();
        double meanConfidence = predictions.stream().mapToDouble(Prediction::confidence).average().orElseThrow();
        long largestClass = unseen.stream().map(reviews.gold::get).distinct()
                .mapToLong(label -> unseen.stream().filter(id -> reviews.gold.get(id).equals(label)).count())
                .max().orElseThrow();
        assertThat(accuracy).isGreaterThan(largestClass / (double) unseen.size() + 0.15);
        // calibrated: the mean confidence is close to the accuracy it achieves
        assertThat(Math.abs(meanConfidence - accuracy)).isLessThan(0.08);
        assertThat(predictions).allSatisfy(p -> {
            assertThat(p.confidence()).isBetween(1.0 / 3, 1.0);
            assertThat(p.margin()).isBetween(0.0, p.confidence());
        });
    }

    @Test
    void theSameLabelsGiveTheSameModel() {
        LocalLabeler labeler = new LocalLabeler(vectors, EmbeddingModel.BGE_SMALL_EN_V15, LABELS, 5);

        assertThat(labeler.train(training).predict(unseen)).isEqualTo(labeler.train(training).predict(unseen));
        assertThat(labeler.name()).isEqualTo("local:bge-small-en-v1.5");
    }

    @Test
    void aLabelerThatSearchedEveryNeighbourAheadLabelsExactlyAsOneThatSearchesOnDemand() {
        LocalLabeler prepared = new LocalLabeler(vectors, EmbeddingModel.BGE_SMALL_EN_V15, LABELS, 5);
        prepared.prepareToLabelEveryItem();
        LocalLabeler onDemand = new LocalLabeler(vectors, EmbeddingModel.BGE_SMALL_EN_V15, LABELS, 5);

        assertThat(prepared.train(training).predict(unseen)).isEqualTo(onDemand.train(training).predict(unseen));
    }

    @Test
    void aFewLabelsAreEnoughToTrainOnAndAnItemWithoutVectorIsNamed() {
        LocalLabeler labeler = new LocalLabeler(vectors, EmbeddingModel.BGE_SMALL_EN_V15, LABELS, 5);

        List<Prediction> predictions = labeler.train(training.subList(0, 3)).predict(unseen.subList(0, 5));

        assertThat(predictions).hasSize(5);
        assertThatThrownBy(() -> labeler.train(training).predict(List.of("no-such-item")))
                .hasMessageContaining("no embedding for item no-such-item");
    }
}
