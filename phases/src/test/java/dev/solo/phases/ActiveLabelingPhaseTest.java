package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.guidelines.GuidelineAdvisor;
import dev.solo.human.Answer;
import dev.solo.human.LabelRequest;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.LabelingModel;
import dev.solo.metrics.BatchResult;
import dev.solo.select.QueueEntry;
import dev.solo.workflow.Phase;
import dev.solo.workflow.WorkflowState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase 6 on small real tasks: batches come from the pools with their random share, every item
 * gets a machine label, the accuracy estimate decides between escalation and the refinement loop,
 * a resumed run asks what an uninterrupted one asks, and retraining never holds up the person.
 */
class ActiveLabelingPhaseTest {
    /** No word tells the label: the model stays near chance and the target is out of reach. */
    private static final IntFunction<String> UNINFORMATIVE = i -> "note " + (i * 7919 % 1000) + " about thing " + (i % 11);
    /** The label's own word in every text. */
    private static final IntFunction<String> TELLING = i -> switch (i % 3) {
        case 0 -> "a great film, truly great " + i;
        case 1 -> "an ordinary film, plain and ordinary " + i;
        default -> "an awful film, truly awful " + i;
    };
    private static final String SMALL_BATCHES = """
                active_labeling: {batch_size: 10, max_batches: 3, min_random_share: 0.3}
                labeling_functions: {enabled: false}
            """;

    @TempDir
    Path dir;

    private final List<String> announcements = new ArrayList<>();

    @Test
    void batchesComeFromThePoolsAndTheLoopFollowsAfterMaxBatches() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 240, 15, "random", SMALL_BATCHES, UNINFORMATIVE);
        ScriptedAnnotator person = new ScriptedAnnotator();

        WorkflowState end = task.workflow(Optional.of(person), 5, announcements::add)
                .run(finished -> finished == Phase.ACTIVE_LABELING);

        assertThat(end.phase()).isEqualTo(Phase.REFINEMENT_LOOP);
        for (int batch = 1; batch <= 3; batch++) {
            List<QueueEntry> queue = task.store.workflow().queue(Phase.ACTIVE_LABELING, 1, batch);
            assertThat(queue).hasSize(10).allSatisfy(entry -> assertThat(entry.machineLabel()).isNotNull());
            assertThat(queue).filteredOn(entry -> entry.pool().equals("random")).hasSizeGreaterThanOrEqualTo(3);
        }
        assertThat(task.store.predictions().count()).isEqualTo(240);
        List<BatchResult> results = task.store.measurements().batchResults(Phase.ACTIVE_LABELING);
        assertThat(results).extracting(BatchResult::batch).containsExactly(1, 2, 3);
        assertThat(results.get(2).estimate()).isPresent();
        assertThat(task.store.accuracy().randomChecks("sentiment")).hasSizeGreaterThanOrEqualTo(9);
        assertThat(announcements).anyMatch(line -> line.startsWith("Batch 3: 10 labels (")
                && line.contains("estimated accuracy"));
        List<LabelRequest> asked = person.requests.stream()
                .filter(request -> request.progress().phase() == Phase.ACTIVE_LABELING).toList();
        assertThat(asked).hasSize(30).allSatisfy(request -> assertThat(request.blind()).isFalse());
        task.close();
    }

    @Test
    void reachingTheTargetsLowerBoundJumpsToEscalation() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 300, 30, "random", "    active_labeling: {batch_size: 20, max_batches: 8, min_random_share: 0.5}\n"
                + "    labeling_functions: {enabled: false}\n"
                + "  accuracy_threshold: 0.80\n", TELLING);
        WorkflowState end = task.workflow(Optional.of(new ScriptedAnnotator()), 5, announcements::add)
                .run(finished -> finished == Phase.ACTIVE_LABELING);

        assertThat(end.phase()).isEqualTo(Phase.CONFIDENCE_ESCALATION);
        assertThat(task.store.accuracy().latest()).hasValueSatisfying(record ->
                assertThat(record.report().dataset().low()).isGreaterThanOrEqualTo(0.80));
        task.close();
    }

    @Test
    void aResumedRunAsksExactlyWhatAnUninterruptedRunAsks() throws IOException {
        Path straight = Files.createDirectories(dir.resolve("straight"));
        TaskFixture uninterrupted = TaskFixture.create(straight, 240, 15, "random", SMALL_BATCHES, UNINFORMATIVE);
        ScriptedAnnotator once = new ScriptedAnnotator();
        uninterrupted.workflow(Optional.of(once), 9, line -> { }).run(finished -> finished == Phase.ACTIVE_LABELING);

        Path stopped = Files.createDirectories(dir.resolve("stopped"));
        TaskFixture resumed = TaskFixture.create(stopped, 240, 15, "random", SMALL_BATCHES, UNINFORMATIVE);
        String[] quitInBatchTwo = new String[15 + 14 + 1];
        java.util.Arrays.fill(quitInBatchTwo, "label");
        quitInBatchTwo[quitInBatchTwo.length - 1] = "quit";
        ScriptedAnnotator first = new ScriptedAnnotator(quitInBatchTwo);
        resumed.workflow(Optional.of(first), 9, line -> { }).run(finished -> finished == Phase.ACTIVE_LABELING);
        assertThat(resumed.store.workflow().state().batch()).isEqualTo(2);
        ScriptedAnnotator second = new ScriptedAnnotator();
        resumed.workflow(Optional.of(second), 9, line -> { }).run(finished -> finished == Phase.ACTIVE_LABELING);

        List<String> askedAcrossStops = new ArrayList<>(first.shown.subList(0, first.shown.size() - 1));
        askedAcrossStops.addAll(second.shown);
        assertThat(askedAcrossStops).isEqualTo(once.shown);
        for (int batch = 1; batch <= 3; batch++) {
            assertThat(resumed.store.workflow().queue(Phase.ACTIVE_LABELING, 1, batch))
                    .isEqualTo(uninterrupted.store.workflow().queue(Phase.ACTIVE_LABELING, 1, batch));
        }
        uninterrupted.close();
        resumed.close();
    }

    @Test
    void thePersonLabelsTheNextBatchWhileTheModelRetrains() throws IOException, InterruptedException {
        TaskFixture task = TaskFixture.create(dir, 240, 15, "random", SMALL_BATCHES, UNINFORMATIVE);
        CountDownLatch labeledDuringTraining = new CountDownLatch(3);
        AtomicBoolean trainingWaitedForThePerson = new AtomicBoolean();
        ScriptedAnnotator person = new ScriptedAnnotator() {
            @Override
            public Answer ask(LabelRequest request) {
                if (request.progress().phase() == Phase.ACTIVE_LABELING && request.progress().batch() == 2) {
                    labeledDuringTraining.countDown();
                }
                return super.ask(request);
            }
        };
        ConfiguredModels real = new ConfiguredModels(task.config, task.store, 5, Clock.systemUTC(), line -> { },
                Optional.empty());
        Models slow = new TrainingOnlyAfter(real, labeledDuringTraining, trainingWaitedForThePerson);
        TaskRun run = new TaskRun(task.config, task.store, slow, Optional.of(person), 5, Clock.systemUTC(), line -> { });

        run.workflow().run(finished -> finished == Phase.ACTIVE_LABELING);

        assertThat(trainingWaitedForThePerson).isTrue();
        assertThat(task.store.workflow().state().phase()).isEqualTo(Phase.REFINEMENT_LOOP);
        real.close();
        task.close();
    }

    /**
     * The real models, except that a retraining on the background thread does not start until the
     * person has labeled three items of batch 2: if the person had to wait for it, the run would
     * hang here until the latch's deadline and the flag would stay false.
     */
    private record TrainingOnlyAfter(Models real, CountDownLatch latch, AtomicBoolean waited) implements Models {
        @Override
        public Labeler labeler(Collection<String> itemIds) {
            return real.labeler(itemIds);
        }

        @Override
        public Labeler labeler(EmbeddingMatrix vectors) {
            Labeler labeler = real.labeler(vectors);
            return new Labeler() {
                @Override
                public String name() {
                    return labeler.name();
                }

                @Override
                public LabelingModel train(List<dev.solo.human.HumanExample> examples) {
                    if (Thread.currentThread().getName().equals("solo-active-labeling")) {
                        try {
                            waited.compareAndSet(false, latch.await(30, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return labeler.train(examples);
                }
            };
        }

        @Override
        public EmbeddingMatrix vectorsUnder(EmbeddingModel model, Collection<String> itemIds) {
            return real.vectorsUnder(model, itemIds);
        }

        @Override
        public EmbeddingMatrix everyItemVectors() {
            return real.everyItemVectors();
        }

        @Override
        public Labeler embeddedLabeler(EmbeddingMatrix vectors) {
            return real.embeddedLabeler(vectors);
        }

        @Override
        public java.util.Optional<dev.solo.labeler.llm.EdgeCaseWriter> edgeCaseWriter() {
            return real.edgeCaseWriter();
        }

        @Override
        public float[][] encodeTexts(List<String> texts) {
            return real.encodeTexts(texts);
        }

        @Override
        public dev.solo.labeler.llm.LlmLabeler remoteLabeler(dev.solo.labeler.llm.PromptVariant variant,
                                                            EmbeddingMatrix vectors) {
            return real.remoteLabeler(variant, vectors);
        }

        @Override
        public EmbeddingMatrix labelerVectors(Collection<String> itemIds) {
            return real.labelerVectors(itemIds);
        }

        @Override
        public EmbeddingMatrix seedVectors(Collection<String> itemIds) {
            return real.seedVectors(itemIds);
        }

        @Override
        public GuidelineAdvisor guidelineAdvisor() {
            return real.guidelineAdvisor();
        }

        @Override
        public void embedInBackground() {
            real.embedInBackground();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
