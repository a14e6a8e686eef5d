package dev.solo.phases;

import dev.solo.config.LlmConfig;
import dev.solo.config.SoloConfig;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.embed.ItemEmbeddings;
import dev.solo.embed.TextEncoder;
import dev.solo.guidelines.GuidelineAdvisor;
import dev.solo.guidelines.LlmGuidelineAdvisor;
import dev.solo.guidelines.WordContrastAdvisor;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.llm.DryRunMeter;
import dev.solo.labeler.llm.EdgeCaseWriter;
import dev.solo.labeler.llm.FewShotPrompt;
import dev.solo.labeler.llm.LlmLabeler;
import dev.solo.labeler.llm.PromptVariant;
import dev.solo.labeler.local.LocalLabeler;
import dev.solo.labeler.local.LocalVariant;
import dev.solo.label.LabelingSetup;
import dev.solo.store.LabelingSetups;
import dev.solo.store.Store;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedding models and the labeler the config asks for: {@code seed.embedding_model} for
 * seed selection, {@code llm} for the labeler. For {@code local}, {@code llm.model} names the
 * embedding model its classifier runs on (by default the seed one); the remote labelers use the
 * seed embeddings to pick few-shot examples and send the current guidelines. Vectors are computed
 * on first use and stored with the task. A remote labeler's requests go through the one HTTP
 * transport of the run; with a dry-run meter they are counted instead of sent.
 */
public final class ConfiguredModels implements Models {
    private final SoloConfig config;
    private final Store store;
    private final long randomSeed;
    private final Clock clock;
    private final Consumer<String> announcer;
    private final RemoteClients clients;
    private ExecutorService background;
    private ExecutorService neighbourSearch;
    private Future<?> embedding;
    private EmbeddingMatrix everyItem;
    private LocalVariant everyItemVariant;
    private Labeler everyItemLocalLabeler;

    public ConfiguredModels(SoloConfig config, Store store, long randomSeed, Clock clock, Consumer<String> announcer,
                            Optional<DryRunMeter> dryRun) {
        this.config = config;
        this.store = store;
        this.randomSeed = randomSeed;
        this.clock = clock;
        this.announcer = announcer;
        this.clients = new RemoteClients(config, store, clock, dryRun);
    }

    @Override
    public EmbeddingMatrix seedVectors(Collection<String> itemIds) {
        return vectors(shipped(config.solo().phases().seed().embeddingModel()), itemIds);
    }

    @Override
    public EmbeddingMatrix labelerVectors(Collection<String> itemIds) {
        return vectors(labelerEmbeddingModel(), itemIds);
    }

    @Override
    public synchronized EmbeddingMatrix everyItemVectors() {
        LocalVariant variant = localVariant();
        if (everyItem == null || everyItemVariant.model() != variant.model()) {
            EmbeddingModel model = labelerEmbeddingModel();
            awaitBackground();
            everyItem = new ItemEmbeddings(store.vectors(), store.items()::texts, announcer)
                    .forEveryItem(model, Math.toIntExact(store.items().count()));
            everyItemLocalLabeler = null;
        }
        everyItemVariant = variant;
        return everyItem;
    }

    @Override
    public EmbeddingMatrix vectorsUnder(EmbeddingModel model, Collection<String> itemIds) {
        return vectors(model, itemIds);
    }

    private EmbeddingModel labelerEmbeddingModel() {
        return localVariant().model();
    }

    /**
     * The local labeler's variant in force: the one prompt optimization chose (the labeling setup's
     * prompt variant), else the config's model, smoothing when it helps. A remote labeler picks its
     * few-shot examples with the config's model.
     */
    private LocalVariant localVariant() {
        LocalVariant configured = new LocalVariant(shipped(config.solo().labelerEmbeddingModel()), true);
        if (config.solo().llm().endpointType() != LlmConfig.EndpointType.LOCAL) {
            return configured;
        }
        return store.setups().latest().flatMap(setup -> LocalVariant.parse(setup.promptVariant())).orElse(configured);
    }

    private EmbeddingMatrix vectors(EmbeddingModel model, Collection<String> itemIds) {
        if (model == labelerEmbeddingModel()) {
            // The background pass embeds in one fixed batch order; embedding beside it would not.
            awaitBackground();
        }
        return new ItemEmbeddings(store.vectors(), store.items()::texts, announcer).forItems(model, itemIds);
    }

    @Override
    public synchronized void embedInBackground() {
        EmbeddingModel model = labelerEmbeddingModel();
        if (embedding != null || store.vectors().itemsWithoutVector(model.configName()).isEmpty()) {
            return;
        }
        background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "solo-embedding");
            thread.setDaemon(true);
            return thread;
        });
        // Progress stays off the screen: the terminal is drawn from the person's thread only.
        embedding = background.submit(() -> new ItemEmbeddings(store.vectors(), store.items()::texts, line -> { })
                .embedEveryItem(model));
    }

    private void awaitBackground() {
        Future<?> running;
        synchronized (this) {
            running = embedding;
        }
        if (running == null) {
            return;
        }
        if (!running.isDone()) {
            announcer.accept("Waiting for the embedding of every item, which started with the seeds.");
        }
        join(running);
    }

    private static void join(Future<?> running) {
        try {
            running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embeddings", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            // Stopped with the run; the caller embeds what it needs itself.
        }
    }

    @Override
    public synchronized void close() {
        stop(background);
        stop(neighbourSearch);
    }

    private static void stop(ExecutorService executor) {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Labeler labeler(Collection<String> itemIds) {
        return labeler(labelerVectors(itemIds));
    }

    @Override
    public Labeler labeler(EmbeddingMatrix vectors) {
        LlmConfig llm = config.solo().llm();
        if (llm.endpointType() == LlmConfig.EndpointType.LOCAL) {
            return embeddedLabeler(vectors);
        }
        return remoteLabeler(promptVariant(), vectors);
    }

    @Override
    public LlmLabeler remoteLabeler(PromptVariant variant, EmbeddingMatrix vectors) {
        LlmConfig llm = variant.applyTo(config.solo().llm());
        FewShotPrompt prompt = new FewShotPrompt(config.task().taskName(), guidelines(store.setups()),
                config.scheme().labels(), llm.fewShotExamples(), llm.chainOfThought(), vectors, variant.style(),
                variant.order());
        return new LlmLabeler(clients.client(llm), prompt, llm, store.items()::texts, randomSeed, announcer);
    }

    /** The remote labeler's prompt in force: the one prompt optimization chose, else the config's. */
    private PromptVariant promptVariant() {
        return store.setups().latest().flatMap(setup -> PromptVariant.parse(setup.promptVariant()))
                .orElse(PromptVariant.configured(config.solo().llm()));
    }

    /** Over every item's vectors, one labeler for the run: its neighbour search is made once, not once per phase. */
    @Override
    public synchronized Labeler embeddedLabeler(EmbeddingMatrix vectors) {
        LocalVariant variant = localVariant();
        if (vectors != everyItem) {
            return new LocalLabeler(vectors, variant.model(), config.scheme().labels(), randomSeed, variant.smoothing());
        }
        if (everyItemLocalLabeler == null || !variant.equals(everyItemVariant)) {
            everyItemLocalLabeler = new LocalLabeler(vectors, variant.model(), config.scheme().labels(), randomSeed,
                    variant.smoothing());
            everyItemVariant = variant;
            prepareInBackground(everyItemLocalLabeler);
        }
        return everyItemLocalLabeler;
    }

    /**
     * Starts the labeler's one-off work as soon as the labeler exists (phase 5), so that the
     * person's reviews and audits hide it; the first phase that relabels every item waits only
     * for what is left. The result is the same whichever thread does the work.
     */
    private void prepareInBackground(Labeler labeler) {
        if (neighbourSearch == null) {
            neighbourSearch = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "solo-neighbour-search");
                thread.setDaemon(true);
                return thread;
            });
        }
        neighbourSearch.submit(labeler::prepareToLabelEveryItem);
    }

    @Override
    public Optional<EdgeCaseWriter> edgeCaseWriter() {
        LlmConfig llm = config.solo().llm();
        if (llm.endpointType() == LlmConfig.EndpointType.LOCAL) {
            return Optional.empty();
        }
        return Optional.of(new EdgeCaseWriter(clients.client(llm), config.task().taskName(), llm.temperature(),
                llm.maxTokens()));
    }

    @Override
    public float[][] encodeTexts(List<String> texts) {
        try (TextEncoder encoder = TextEncoder.load(labelerEmbeddingModel())) {
            return encoder.encode(texts);
        }
    }

    @Override
    public GuidelineAdvisor guidelineAdvisor() {
        LlmConfig llm = config.solo().llm();
        if (llm.endpointType() == LlmConfig.EndpointType.LOCAL) {
            return new WordContrastAdvisor();
        }
        return new LlmGuidelineAdvisor(clients.client(llm), config.task().taskName(), llm.temperature(), llm.maxTokens());
    }

    private String guidelines(LabelingSetups setups) {
        return setups.latest().map(LabelingSetup::guidelines).orElse(config.scheme().description());
    }

    private static EmbeddingModel shipped(String name) {
        // The config loader has already refused names that are not shipped.
        return EmbeddingModel.named(name).orElseThrow();
    }
}
