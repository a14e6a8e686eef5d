package dev.solo.labeler.llm;

import static dev.solo.testing.FakeChatCompletions.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.solo.config.LlmConfig;
import java.util.Map;
import mockwebserver3.RecordedRequest;

/** Anthropic's Messages response shape: a forced tool_use block; no log-probabilities. */
class AnthropicProviderTest extends ProviderContract {

    @Override
    public ChatProvider provider() {
        return new AnthropicProvider();
    }

    @Override
    public LlmConfig.EndpointType endpointType() {
        return LlmConfig.EndpointType.ANTHROPIC;
    }

    @Override
    public String basePath() {
        return "/v1";
    }

    @Override
    public String chatPath() {
        return "/messages";
    }

    @Override
    public String userMessage(JsonNode requestBody) {
        return requestBody.at("/messages/0/content").asText();
    }

    @Override
    public String answerBody(String content, Map<String, Double> probabilities, long inputTokens, long outputTokens) {
        return """
                {"id": "msg_01XFDUDYJgAACzvnptvVoYEL", "type": "message", "role": "assistant", "model": "test-model",
                 "content": [{"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "record_label",
                              "input": %s}],
                 "stop_reason": "tool_use", "stop_sequence": null,
                 "usage": {"input_tokens": %d, "output_tokens": %d}}
                """.formatted(content, inputTokens, outputTokens);
    }

    @Override
    public String authErrorBody(String message) {
        return """
                {"type": "error", "error": {"type": "authentication_error", "message": %s}}
                """.formatted(quoted(message));
    }

    @Override
    public void assertHeaders(RecordedRequest request) {
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getBody().utf8()).contains("\"tool_choice\":{\"type\":\"tool\",\"name\":\"record_label\"}")
                .contains("\"input_schema\"").contains("\"max_tokens\":64");
    }

    @Override
    public String labelRequestBody() {
        return """
                {"model":"gpt-4o-mini","max_tokens":64,"temperature":0.0,"system":"You label texts.",\
                "messages":[{"role":"user","content":"Text: fine"}],"tools":[{"name":"record_label",\
                "description":"Record the label chosen for the text.","input_schema":{"type":"object",\
                "properties":{"reasoning":{"type":"string"},"label":{"type":"string",\
                "enum":["Positive","Neutral","Negative"]}},"required":["reasoning","label"],\
                "additionalProperties":false}}],"tool_choice":{"type":"tool","name":"record_label"}}""";
    }

    @Override
    public void assertAnswerSchemaSent(JsonNode requestBody, ResponseSchema answer) {
        JsonNode tool = requestBody.at("/tools/0");
        assertThat(tool.path("name").asText()).isEqualTo("record_guideline_edits");
        assertThat(tool.path("description").asText()).isEqualTo(answer.description());
        assertThat(tool.path("input_schema")).isEqualTo(answer.schema());
        assertThat(requestBody.path("tool_choice")).isEqualTo(Json.read(
                "{\"type\": \"tool\", \"name\": \"record_guideline_edits\"}"));
    }
}
