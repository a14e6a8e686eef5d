package dev.solo.phases;

import dev.solo.SoloInputException;
import dev.solo.config.LlmConfig;
import dev.solo.config.SoloConfig;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.embed.ItemEmbeddings;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.llm.AnthropicProvider;
import dev.solo.labeler.llm.ChatProvider;
import dev.solo.labeler.llm.FewShotPrompt;
import dev.solo.labeler.llm.LlmClient;
import dev.solo.labeler.llm.LlmLabeler;
import dev.solo.labeler.llm.LlmLedger;
import dev.solo.labeler.llm.OkHttpTransport;
import dev.solo.labeler.llm.OllamaProvider;
import dev.solo.labeler.llm.OpenAiChatProvider;
import dev.solo.labeler.llm.Prices;
import dev.solo.labeler.local.LocalLabeler;
import dev.solo.store.Store;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * The models a task's config asks for: the embedding model of seed selection
 * ({@code seed.embedding_model}) and the labeler ({@code llm}). For {@code local}, {@code model}
 * names the embedding model its classifier runs on (by default the seed one); the remote
 * labelers use the seed embeddings to pick few-shot examples. Vectors are computed on first use
 * and stored with the task.
 */
public final class Models {
    /** First wait before retrying a remote call; it doubles each time, with jitter. */
    static final Duration BACKOFF_BASE = Duration.ofMillis(500);

    private final PhaseContext context;

    Models(PhaseContext context) {
        this.context = context;
    }

    public EmbeddingModel seedEmbeddingModel() {
        return shipped(context.config().solo().phases().seed().embeddingModel());
    }

    public EmbeddingModel labelerEmbeddingModel() {
        LlmConfig llm = context.config().solo().llm();
        return llm.endpointType() == LlmConfig.EndpointType.LOCAL && llm.model() != null
                ? shipped(llm.model())
                : seedEmbeddingModel();
    }

    /** The vectors of these items, embedding those not stored yet. */
    public EmbeddingMatrix vectors(EmbeddingModel model, Collection<String> itemIds) {
        return new ItemEmbeddings(context.store(), context::announce).forItems(model, itemIds);
    }

    /** The configured labeler, able to learn from and label the given items. */
    public Labeler labeler(Collection<String> itemIds) {
        SoloConfig config = context.config();
        LlmConfig llm = config.solo().llm();
        EmbeddingModel model = labelerEmbeddingModel();
        EmbeddingMatrix vectors = vectors(model, itemIds);
        if (llm.endpointType() == LlmConfig.EndpointType.LOCAL) {
            return new LocalLabeler(vectors, model, config.scheme().labels(), context.randomSeed());
        }
        ChatProvider provider = provider(llm.endpointType());
        LlmClient client = new LlmClient(provider, settings(config, provider),
                new OkHttpTransport(OkHttpTransport.sharedClient(), Duration.ofSeconds(llm.timeoutSeconds()),
                        llm.maxConcurrency()),
                new LlmLedger(context.store(), provider.name(), llm.model(), Prices.of(llm), context.clock()));
        context.dryRun().ifPresent(client::meteringOnly);
        FewShotPrompt prompt = new FewShotPrompt(config.task().taskName(), config.scheme().description(),
                config.scheme().labels(), llm.fewShotExamples(), llm.chainOfThought(), vectors);
        return new LlmLabeler(client, prompt, llm, this::texts, context.randomSeed(), context::announce);
    }

    private static ChatProvider provider(LlmConfig.EndpointType type) {
        return switch (type) {
            case OPENAI -> OpenAiChatProvider.openAi();
            case VLLM -> OpenAiChatProvider.vllm();
            case ANTHROPIC -> new AnthropicProvider();
            case OLLAMA -> new OllamaProvider();
            case LOCAL -> throw new IllegalArgumentException("the local labeler is not a chat provider");
        };
    }

    private static LlmClient.Settings settings(SoloConfig config, ChatProvider provider) {
        LlmConfig llm = config.solo().llm();
        String apiKey = config.resolved(llm.apiKey(), "solo_mode.llm.api_key");
        if ((apiKey == null || apiKey.isBlank()) && provider.usualKeyVariable() != null) {
            throw new SoloInputException(config.file(), "endpoint_type " + provider.name() + " needs an API key",
                    "add api_key: ${" + provider.usualKeyVariable() + "} under solo_mode.llm and export "
                            + provider.usualKeyVariable());
        }
        String base = llm.baseUrl() != null ? config.resolved(llm.baseUrl(), "solo_mode.llm.base_url")
                : provider.defaultBaseUrl();
        HttpUrl baseUrl = HttpUrl.parse(base);
        if (baseUrl == null) {
            throw new SoloInputException(config.file(), "base_url '" + base + "' is not an http(s) URL",
                    "write it like http://localhost:8000/v1");
        }
        return new LlmClient.Settings(llm.model(), apiKey, baseUrl, llm.maxRetries(), llm.requestsPerMinute(),
                llm.budgetUsd(), config.apiKeyVariable().orElse(null), config.file(), BACKOFF_BASE);
    }

    /** Item texts, read on the caller's thread while no request runs. */
    private Map<String, String> texts(Collection<String> itemIds) {
        Store store = context.store();
        Map<String, String> texts = new LinkedHashMap<>();
        synchronized (store) {
            itemIds.forEach(id -> texts.put(id, store.item(id).text()));
        }
        return texts;
    }

    private static EmbeddingModel shipped(String name) {
        // The config loader has already refused names that are not shipped.
        return EmbeddingModel.named(name).orElseThrow();
    }
}
