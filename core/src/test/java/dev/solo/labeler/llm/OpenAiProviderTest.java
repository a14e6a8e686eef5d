package dev.solo.labeler.llm;

import static dev.solo.testing.FakeChatCompletions.labelTokens;
import static dev.solo.testing.FakeChatCompletions.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.solo.config.LlmConfig;
import dev.solo.testing.FakeChatCompletions;
import java.util.Map;
import mockwebserver3.RecordedRequest;

/** OpenAI's Chat Completions response shape, with logprobs.content[].top_logprobs. */
class OpenAiProviderTest extends ProviderContract {

    @Override
    public ChatProvider provider() {
        return OpenAiChatProvider.openAi();
    }

    @Override
    public LlmConfig.EndpointType endpointType() {
        return LlmConfig.EndpointType.OPENAI;
    }

    @Override
    public String basePath() {
        return "/v1";
    }

    @Override
    public String chatPath() {
        return "/chat/completions";
    }

    @Override
    public String userMessage(JsonNode requestBody) {
        return requestBody.at("/messages/1/content").asText();
    }

    @Override
    public String answerBody(String content, Map<String, Double> probabilities, long inputTokens, long outputTokens) {
        return FakeChatCompletions.completion(content, labelTokens(content, probabilities), inputTokens,
                outputTokens);
    }

    @Override
    public String authErrorBody(String message) {
        return """
                {"error": {"message": %s, "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}
                """.formatted(quoted(message));
    }

    @Override
    public void assertHeaders(RecordedRequest request) {
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        String body = request.getBody().utf8();
        assertThat(body).contains("\"response_format\":{\"type\":\"json_schema\"").contains("\"strict\":true")
                .contains("\"logprobs\":true").contains("\"top_logprobs\":10").contains(tokenLimit() + ":64");
    }

    @Override
    public String labelRequestBody() {
        return """
                {"model":"gpt-4o-mini","messages":[{"role":"system","content":"You label texts."},\
                {"role":"user","content":"Text: fine"}],"temperature":0.0,"max_completion_tokens":64,\
                "response_format":{"type":"json_schema","json_schema":{"name":"label_answer","strict":true,\
                "schema":{"type":"object","properties":{"reasoning":{"type":"string"},"label":{"type":"string",\
                "enum":["Positive","Neutral","Negative"]}},"required":["reasoning","label"],\
                "additionalProperties":false}}},"logprobs":true,"top_logprobs":10}""";
    }

    @Override
    public void assertAnswerSchemaSent(JsonNode requestBody, ResponseSchema answer) {
        JsonNode format = requestBody.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/name").asText()).isEqualTo("guideline_edits_answer");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        assertThat(format.at("/json_schema/schema")).isEqualTo(answer.schema());
    }

    /** OpenAI's newer models take only max_completion_tokens. */
    String tokenLimit() {
        return "\"max_completion_tokens\"";
    }
}
