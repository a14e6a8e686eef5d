package dev.solo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.solo.config.ItemProperties;
import dev.solo.dataset.DatasetImporter;
import dev.solo.label.FunctionLabel;
import dev.solo.label.LabelCounts;
import dev.solo.label.LabelSource;
import dev.solo.label.LabeledRow;
import dev.solo.label.ModelLabel;
import dev.solo.labeler.Prediction;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Predictions and labeling-function votes are kept apart; one view decides each item's label. */
class LabelSourcesTest {
    private static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");

    @TempDir
    Path dir;

    private SqliteStore store;

    @BeforeEach
    void importFourItems() throws IOException {
        Path data = Files.writeString(dir.resolve("d.jsonl"), """
                {"id":"a","text":"one"}
                {"id":"b","text":"two"}
                {"id":"c","text":"three"}
                {"id":"d","text":"four"}
                """);
        store = SqliteStore.open(dir.resolve("state.db"));
        new DatasetImporter(store.items()).importFiles(List.of(data), ItemProperties.DEFAULT);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPredictionKeepsItsWholeDistributionAndItsProvenance() {
        ModelLabel saved = prediction("a", 0.52, 0.41, 0.07);
        store.predictions().save(List.of(saved));

        ModelLabel read = store.predictions().of("a", "sentiment").orElseThrow();

        assertThat(read).isEqualTo(saved);
        assertThat(read.prediction().distribution()).containsExactly(0.52, 0.41, 0.07);
        assertThat(read.prediction().label()).isEqualTo("Positive");
        assertThat(read.prediction().margin()).isCloseTo(0.11, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(read.setupVersion()).isEqualTo(2);
    }

    @Test
    void predictionsAreReadInImportOrderWholeOrForChosenItemsOnly() {
        store.predictions().save(List.of(prediction("c", 0.2, 0.7, 0.1), prediction("a", 0.6, 0.3, 0.1),
                prediction("d", 0.1, 0.1, 0.8)));

        assertThat(store.predictions().itemIds("sentiment")).containsExactly("a", "c", "d");
        List<ModelLabel> chosen = new ArrayList<>();
        store.predictions().forEach("sentiment", Set.of("d", "a", "b"), chosen::add);
        assertThat(chosen).extracting(label -> label.prediction().itemId(), label -> label.prediction().label())
                .containsExactly(tuple("a", "Positive"), tuple("d", "Negative"));
    }

    @Test
    void aModelRelabelLeavesTheFunctionsVotesAlone() {
        store.functionLabels().replaceAll(List.of(functionLabel("a", "Negative", 0.95)));
        store.predictions().save(List.of(prediction("a", 0.6, 0.3, 0.1)));
        store.predictions().save(List.of(prediction("a", 0.2, 0.7, 0.1)));

        assertThat(store.functionLabels().count()).isEqualTo(1);
        assertThat(store.predictions().of("a", "sentiment").orElseThrow().prediction().label()).isEqualTo("Neutral");
    }

    @Test
    void thePersonWinsThenTheMoreReliableOfFunctionsAndModel() {
        store.predictions().save(List.of(
                prediction("a", 0.9, 0.05, 0.05),   // human-labeled: the person wins
                prediction("b", 0.6, 0.3, 0.1),     // functions more reliable (0.95 > 0.6)
                prediction("c", 0.97, 0.02, 0.01))); // model more reliable (0.97 > 0.95)
        store.functionLabels().replaceAll(List.of(functionLabel("a", "Negative", 0.99),
                functionLabel("b", "Negative", 0.95), functionLabel("c", "Negative", 0.95),
                functionLabel("d", "Neutral", 0.8))); // no prediction: the functions' vote
        store.humans().saveLabel(LabelWritingProcess.humanLabel("a", "Neutral"));

        List<LabeledRow> rows = new ArrayList<>();
        store.labeledRows().forEach(rows::add);

        assertThat(rows).extracting(LabeledRow::itemId, LabeledRow::value, LabeledRow::source, LabeledRow::confidence)
                .containsExactly(
                        tuple("a", "Neutral", LabelSource.HUMAN, 1.0),
                        tuple("b", "Negative", LabelSource.LABELING_FUNCTION, 0.95),
                        tuple("c", "Positive", LabelSource.LLM, 0.97),
                        tuple("d", "Neutral", LabelSource.LABELING_FUNCTION, 0.8));
        assertThat(store.labeledRows().counts()).isEqualTo(new LabelCounts(4, 1, 2, 1));
    }

    @Test
    void anItemWithoutAnyLabelIsLeftOutAndCountedUnlabeled() {
        store.predictions().save(List.of(prediction("b", 0.6, 0.3, 0.1)));

        List<LabeledRow> rows = new ArrayList<>();
        store.labeledRows().forEach(rows::add);

        assertThat(rows).extracting(LabeledRow::itemId).containsExactly("b");
        assertThat(store.labeledRows().counts().unlabeled()).isEqualTo(3);
    }

    private static ModelLabel prediction(String id, double... distribution) {
        return new ModelLabel(Prediction.of(id, LABELS, distribution, null), "sentiment", "local:test",
                Phase.ACTIVE_LABELING, 1, 2, Instant.ofEpochMilli(1_000));
    }

    private static FunctionLabel functionLabel(String id, String label, double precision) {
        return new FunctionLabel(id, "sentiment", label, precision, List.of("keyword:awful"), Phase.LABELING_FUNCTIONS,
                1, 2, Instant.ofEpochMilli(1_000));
    }

    @Test
    void syntheticItemsAreLabeledBesideTheDatasetNotInIt() throws IOException {
        List<String> ids = store.items().addSynthetic("synthetic-r1-", List.of("hard one", "hard two"));
        store.humans().saveLabel(LabelWritingProcess.humanLabel(ids.get(0), "Neutral"));
        store.humans().saveLabel(LabelWritingProcess.humanLabel("a", "Positive"));

        assertThat(ids).containsExactly("synthetic-r1-1", "synthetic-r1-2");
        assertThat(store.items().addSynthetic("synthetic-r1-", List.of("hard two", "hard three")))
                .as("a resumed run writing the same text keeps its id").containsExactly("synthetic-r1-2", "synthetic-r1-3");
        assertThat(store.items().count()).isEqualTo(4);
        assertThat(store.items().syntheticCount()).isEqualTo(3);
        List<String> streamed = new ArrayList<>();
        store.items().forEachText((id, text) -> streamed.add(id));
        assertThat(streamed).containsExactly("a", "b", "c", "d");
        assertThat(store.vectors().itemsWithoutVector("e5-small-v2")).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(store.labeledRows().counts()).isEqualTo(new LabelCounts(4, 1, 0, 0));
        assertThat(store.labeledRowsWithSynthetic().counts()).isEqualTo(new LabelCounts(7, 2, 0, 0));
        List<String> exported = new ArrayList<>();
        store.labeledRowsWithSynthetic().forEach(row -> exported.add(row.itemId()));
        assertThat(exported).containsExactly("a", "synthetic-r1-1");
        assertThat(store.humans().examples("sentiment")).extracting(dev.solo.human.HumanExample::itemId)
                .as("the person's labels on them teach the labeler").contains("synthetic-r1-1");
        Path data = Files.writeString(dir.resolve("d.jsonl"), """
                {"id":"a","text":"one"}
                {"id":"b","text":"two"}
                {"id":"c","text":"three"}
                {"id":"d","text":"four"}
                {"id":"e","text":"five"}
                """);
        new DatasetImporter(store.items()).importFiles(List.of(data), ItemProperties.DEFAULT);
        assertThat(store.items().count()).as("a re-import neither drops nor counts them").isEqualTo(5);
        assertThat(store.items().syntheticCount()).isEqualTo(3);
    }
}
