package dev.solo.labeler.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Ollama's chat API ({@code /api/chat}, not streamed). The answer is constrained by
 * {@code format}, the request's JSON schema; Ollama versions that return {@code logprobs} give confidence
 * from them, older ones fall back to several samples.
 */
public final class OllamaProvider implements ChatProvider {
    private static final int TOP_LOGPROBS = 10;

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public String defaultBaseUrl() {
        return "http://localhost:11434";
    }

    @Override
    public String usualKeyVariable() {
        return null;
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
        body.put("stream", false);
        body.set("format", chat.answer().schema());
        ObjectNode options = body.putObject("options");
        options.put("temperature", chat.temperature());
        options.put("num_predict", chat.maxTokens());
        if (chat.wantLogprobs()) {
            body.put("logprobs", true);
            body.put("top_logprobs", TOP_LOGPROBS);
        }
        return Json.write(body);
    }

    @Override
    public Request request(HttpUrl baseUrl, String apiKey, String body) {
        return JsonPost.withBearer(JsonPost.to(baseUrl, "api/chat", body), apiKey).build();
    }

    @Override
    public ChatReply parse(String responseBody) {
        JsonNode root = Json.read(responseBody);
        String content = Json.required(root, "/message/content").asText();
        JsonNode logprobs = root.path("logprobs");
        return new ChatReply(content, logprobs.isArray() ? logprobs : null, root.path("prompt_eval_count").asLong(0),
                root.path("eval_count").asLong(0));
    }
}
