package dev.solo.labeler.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The Chat Completions API: OpenAI itself, and vLLM's OpenAI-compatible server. The answer is
 * constrained by the request's schema as {@code response_format: json_schema} (strict);
 * confidence comes from {@code logprobs} with {@code top_logprobs}.
 */
public final class OpenAiChatProvider implements ChatProvider {
    private static final int TOP_LOGPROBS = 10;

    private final boolean vllm;

    private OpenAiChatProvider(boolean vllm) {
        this.vllm = vllm;
    }

    public static OpenAiChatProvider openAi() {
        return new OpenAiChatProvider(false);
    }

    public static OpenAiChatProvider vllm() {
        return new OpenAiChatProvider(true);
    }

    @Override
    public String name() {
        return vllm ? "vllm" : "openai";
    }

    @Override
    public String defaultBaseUrl() {
        return vllm ? "http://localhost:8000/v1" : "https://api.openai.com/v1";
    }

    @Override
    public String usualKeyVariable() {
        return vllm ? null : "OPENAI_API_KEY";
    }

    @Override
    public boolean givesLogprobs() {
        return true;
    }

    @Override
    public String body(String model, ChatRequest chat) {
        ObjectNode body = Json.object();
        body.put("model", model);
        body.set("messages", Json.messages(chat));
        body.put("temperature", chat.temperature());
        // OpenAI's newer models take only max_completion_tokens; vLLM reads max_tokens.
        body.put(vllm ? "max_tokens" : "max_completion_tokens", chat.maxTokens());
        ObjectNode format = body.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode schema = format.putObject("json_schema");
        schema.put("name", chat.answer().schemaName());
        schema.put("strict", true);
        schema.set("schema", chat.answer().schema());
        if (chat.wantLogprobs()) {
            body.put("logprobs", true);
            body.put("top_logprobs", TOP_LOGPROBS);
        }
        return Json.write(body);
    }

    @Override
    public Request request(HttpUrl baseUrl, String apiKey, String body) {
        return JsonPost.withBearer(JsonPost.to(baseUrl, "chat/completions", body), apiKey).build();
    }

    @Override
    public ChatReply parse(String responseBody) {
        JsonNode root = Json.read(responseBody);
        JsonNode choice = Json.required(root, "/choices/0");
        String content = Json.required(choice, "/message/content").asText();
        JsonNode usage = root.path("usage");
        JsonNode logprobs = choice.at("/logprobs/content");
        return new ChatReply(content, logprobs.isArray() ? logprobs : null, usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0));
    }
}
