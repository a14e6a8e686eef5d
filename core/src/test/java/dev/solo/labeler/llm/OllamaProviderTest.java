package dev.solo.labeler.llm;

import static dev.solo.testing.FakeChatCompletions.labelTokens;
import static dev.solo.testing.FakeChatCompletions.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.solo.config.LlmConfig;
import java.util.Map;
import mockwebserver3.RecordedRequest;

/** Ollama's /api/chat response shape (stream false), with its top-level logprobs. */
class OllamaProviderTest extends ProviderContract {

    @Override
    public ChatProvider provider() {
        return new OllamaProvider();
    }

    @Override
    public LlmConfig.EndpointType endpointType() {
        return LlmConfig.EndpointType.OLLAMA;
    }

    @Override
    public String basePath() {
        return "";
    }

    @Override
    public String chatPath() {
        return "/api/chat";
    }

    @Override
    public String userMessage(JsonNode requestBody) {
        return requestBody.at("/messages/1/content").asText();
    }

    @Override
    public String answerBody(String content, Map<String, Double> probabilities, long inputTokens, long outputTokens) {
        return """
                {"model": "test-model", "created_at": "2025-11-20T10:00:00.000000Z",
                 "message": {"role": "assistant", "content": %s},
                 "done": true, "done_reason": "stop", "total_duration": 5191566416, "load_duration": 2154458,
                 "prompt_eval_count": %d, "prompt_eval_duration": 383809000, "eval_count": %d,
                 "eval_duration": 4799921000, "logprobs": %s}
                """.formatted(quoted(content), inputTokens, outputTokens, labelTokens(content, probabilities));
    }

    @Override
    public String authErrorBody(String message) {
        return "{\"error\": " + quoted(message) + "}";
    }

    @Override
    public void assertHeaders(RecordedRequest request) {
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getBody().utf8()).contains("\"stream\":false").contains("\"format\":{\"type\":\"object\"")
                .contains("\"num_predict\":64").contains("\"logprobs\":true");
    }

    @Override
    public String labelRequestBody() {
        return """
                {"model":"gpt-4o-mini","messages":[{"role":"system","content":"You label texts."},\
                {"role":"user","content":"Text: fine"}],"stream":false,"format":{"type":"object",\
                "properties":{"reasoning":{"type":"string"},"label":{"type":"string",\
                "enum":["Positive","Neutral","Negative"]}},"required":["reasoning","label"],\
                "additionalProperties":false},"options":{"temperature":0.0,"num_predict":64},\
                "logprobs":true,"top_logprobs":10}""";
    }

    @Override
    public void assertAnswerSchemaSent(JsonNode requestBody, ResponseSchema answer) {
        assertThat(requestBody.path("format")).isEqualTo(answer.schema());
    }
}
