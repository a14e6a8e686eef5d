package dev.solo.labeler.llm;

import dev.solo.config.LlmConfig;

/** vLLM's OpenAI-compatible server: OpenAI's response shape; the request limits tokens with max_tokens. */
class VllmProviderTest extends OpenAiProviderTest {

    @Override
    public ChatProvider provider() {
        return OpenAiChatProvider.vllm();
    }

    @Override
    public LlmConfig.EndpointType endpointType() {
        return LlmConfig.EndpointType.VLLM;
    }

    @Override
    public String labelRequestBody() {
        return """
                {"model":"gpt-4o-mini","messages":[{"role":"system","content":"You label texts."},\
                {"role":"user","content":"Text: fine"}],"temperature":0.0,"max_tokens":64,\
                "response_format":{"type":"json_schema","json_schema":{"name":"label_answer","strict":true,\
                "schema":{"type":"object","properties":{"reasoning":{"type":"string"},"label":{"type":"string",\
                "enum":["Positive","Neutral","Negative"]}},"required":["reasoning","label"],\
                "additionalProperties":false}}},"logprobs":true,"top_logprobs":10}""";
    }

    @Override
    String tokenLimit() {
        return "\"max_tokens\"";
    }
}
