package dev.solo.labeler.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The Messages API. The answer is constrained by forcing one tool call whose input schema is the
 * request's schema; the API returns no log-probabilities, so confidence comes from several samples.
 */
public final class AnthropicProvider implements ChatProvider {
    static final String API_VERSION = "2023-06-01";

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public String defaultBaseUrl() {
        return "https://api.anthropic.com/v1";
    }

    @Override
    public String usualKeyVariable() {
        return "ANTHROPIC_API_KEY";
    }

    @Override
    public boolean givesLogprobs() {
        return false;
    }

    @Override
    public String body(String model, ChatRequest chat) {
        ObjectNode body = Json.object();
        body.put("model", model);
        body.put("max_tokens", chat.maxTokens());
        body.put("temperature", Math.min(1.0, chat.temperature()));
        body.put("system", chat.system());
        body.putArray("messages").addObject().put("role", "user").put("content", chat.user());
        ObjectNode tool = body.putArray("tools").addObject();
        tool.put("name", chat.answer().toolName());
        tool.put("description", chat.answer().description());
        tool.set("input_schema", chat.answer().schema());
        body.putObject("tool_choice").put("type", "tool").put("name", chat.answer().toolName());
        return Json.write(body);
    }

    @Override
    public Request request(HttpUrl baseUrl, String apiKey, String body) {
        Request.Builder request = JsonPost.to(baseUrl, "messages", body).header("anthropic-version", API_VERSION);
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("x-api-key", apiKey);
        }
        return request.build();
    }

    @Override
    public ChatReply parse(String responseBody) {
        JsonNode root = Json.read(responseBody);
        JsonNode blocks = Json.required(root, "/content");
        String content = null;
        for (JsonNode block : blocks) {
            if ("tool_use".equals(block.path("type").asText()) && block.has("input")) {
                content = Json.write(block.get("input"));
                break;
            }
            if ("text".equals(block.path("type").asText()) && content == null) {
                content = block.path("text").asText();
            }
        }
        if (content == null) {
            throw new MalformedReplyException("the response has neither a tool_use nor a text block");
        }
        JsonNode usage = root.path("usage");
        return new ChatReply(content, null, usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0));
    }
}
