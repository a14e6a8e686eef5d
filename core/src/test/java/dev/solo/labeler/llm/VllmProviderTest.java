package dev.solo.labeler.llm;

import dev.solo.config.LlmConfig;

/** vLLM's OpenAI-compatible server: OpenAI's response shape; the request limits tokens with max_tokens. */
class VllmProviderTest extends OpenAiProviderTest {

    @Override
    ChatProvider provider() {
        return OpenAiChatProvider.vllm();
    }

    @Override
    LlmConfig.EndpointType endpointType() {
        return LlmConfig.EndpointType.VLLM;
    }

    @Override
    String tokenLimit() {
        return "\"max_tokens\"";
    }
}
