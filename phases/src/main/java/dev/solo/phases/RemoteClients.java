package dev.solo.phases;

import dev.solo.SoloInputException;
import dev.solo.config.LlmConfig;
import dev.solo.config.SoloConfig;
import dev.solo.labeler.llm.AnthropicProvider;
import dev.solo.labeler.llm.ChatProvider;
import dev.solo.labeler.llm.DryRunMeter;
import dev.solo.labeler.llm.LlmClient;
import dev.solo.labeler.llm.LlmLedger;
import dev.solo.labeler.llm.OkHttpTransport;
import dev.solo.labeler.llm.OllamaProvider;
import dev.solo.labeler.llm.OpenAiChatProvider;
import dev.solo.labeler.llm.Prices;
import dev.solo.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Clients for the configured remote model: cached, retried, budgeted, metered in a dry run, all on
 * one transport per run (the process's one HTTP client), so every labeler shares its connections.
 */
final class RemoteClients {
    /** First wait before retrying a remote call; it doubles each time, with jitter. */
    static final Duration BACKOFF_BASE = Duration.ofMillis(500);

    private final SoloConfig config;
    private final Store store;
    private final Clock clock;
    private final Optional<DryRunMeter> dryRun;
    private OkHttpTransport transport;

    RemoteClients(SoloConfig config, Store store, Clock clock, Optional<DryRunMeter> dryRun) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.dryRun = dryRun;
    }

    LlmClient client(LlmConfig llm) {
        ChatProvider provider = provider(llm.endpointType());
        LlmClient client = new LlmClient(provider, settings(provider), transport(llm),
                new LlmLedger(store.llmCalls(), provider.name(), llm.model(), Prices.of(llm), clock));
        dryRun.ifPresent(client::meteringOnly);
        return client;
    }

    private synchronized OkHttpTransport transport(LlmConfig llm) {
        if (transport == null) {
            transport = new OkHttpTransport(OkHttpTransport.sharedClient(), Duration.ofSeconds(llm.timeoutSeconds()),
                    llm.maxConcurrency());
        }
        return transport;
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

    private LlmClient.Settings settings(ChatProvider provider) {
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
}
