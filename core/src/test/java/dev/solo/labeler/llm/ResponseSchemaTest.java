package dev.solo.labeler.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseSchemaTest {
    private static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");

    @Test
    void thePlaceholderIsTheSmallestAnswerTheSchemaAllows() {
        ResponseSchema everyKind = new ResponseSchema("variant", "Record a prompt variant.", Json.read("""
                {"type": "object",
                 "properties": {"name": {"type": "string"}, "tone": {"type": "string", "enum": ["formal", "plain"]},
                                "weight": {"type": "number"}, "shots": {"type": "integer"},
                                "final": {"type": "boolean"}, "note": {"type": "string"},
                                "pairs": {"type": "array", "minItems": 2, "items": {"type": "array",
                                          "items": {"type": "string"}}},
                                "style": {"type": "object", "properties": {"bold": {"type": "boolean"},
                                          "font": {"type": "string"}}, "required": ["bold"]}},
                 "required": ["name", "tone", "weight", "shots", "final", "pairs", "style"]}
                """));

        assertThat(Json.write(everyKind.placeholder())).isEqualTo("""
                {"name":"","tone":"formal","weight":0,"shots":0,"final":false,"pairs":[[],[]],\
                "style":{"bold":false}}""");
        assertThat(Json.write(ProviderFixture.guidelineEdits().placeholder())).isEqualTo("{\"edits\":[]}");
    }

    @Test
    void aLabelAnswersPlaceholderNamesTheFirstLabelInTheOrderTheSchemaGivesTheFields() {
        assertThat(Json.write(labels(false).placeholder())).isEqualTo("{\"label\":\"Positive\"}");
        assertThat(Json.write(labels(true).placeholder())).isEqualTo("{\"reasoning\":\"\",\"label\":\"Positive\"}");
    }

    @Test
    void aDryRunsLabelAnswerIsCertainOfTheFirstLabelWhenTheProviderGivesLogprobs() {
        for (boolean chainOfThought : new boolean[] {false, true}) {
            ChatRequest request = new ChatRequest("system", "Text: fine", labels(chainOfThought), true, 0.0, 64, 0);

            ChatReply reply = LlmClient.placeholderAnswer(request, true);

            assertThat(LabelAnswer.read(reply.content(), LABELS).label()).contains("Positive");
            assertThat(reply.labelProbabilities(LABELS))
                    .isEqualTo(Map.of("Positive", 1.0, "Neutral", 0.0, "Negative", 0.0));
            StringBuilder text = new StringBuilder();
            reply.tokenLogprobs().forEach(token -> text.append(token.path("token").asText()));
            assertThat(text.toString()).isEqualTo(reply.content());
        }
        ChatRequest request = new ChatRequest("system", "Text: fine", labels(false), true, 0.0, 64, 0);
        assertThat(LlmClient.placeholderAnswer(request, false).tokenLogprobs()).isNull();
    }

    @Test
    void onlyAnswersWithFreeTextAreCountedAtTheTokenLimit() {
        assertThat(labels(false).answerTokens(64)).isEqualTo(8);
        assertThat(labels(false).answerTokens(5)).isEqualTo(5);
        assertThat(labels(true).answerTokens(64)).isEqualTo(64);
        assertThat(ProviderFixture.guidelineEdits().answerTokens(512)).isEqualTo(512);
    }

    @Test
    void aSchemaIsNamedForBothKindsOfProviderAndKeptFromLaterChanges() {
        ResponseSchema edits = ProviderFixture.guidelineEdits();
        assertThat(edits.schemaName()).isEqualTo("guideline_edits_answer");
        assertThat(edits.toolName()).isEqualTo("record_guideline_edits");

        ((ObjectNode) edits.schema()).put("type", "array");

        assertThat(edits.schema().path("type").asText()).isEqualTo("object");
        assertThatThrownBy(() -> new ResponseSchema("guideline edits", "Record edits.", edits.schema()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ResponseSchema labels(boolean chainOfThought) {
        return new FewShotPrompt("Reviews", "", LABELS, 4, chainOfThought, null).answer();
    }
}
