package dev.solo.labeler.llm;

import static dev.solo.labeler.llm.ProviderFixture.answer;
import static dev.solo.labeler.llm.ProviderFixture.dispatch;
import static dev.solo.labeler.llm.ProviderFixture.distributionFor;
import static dev.solo.labeler.llm.ProviderFixture.guidelineEdits;
import static dev.solo.labeler.llm.ProviderFixture.labelRequest;
import static dev.solo.labeler.llm.ProviderFixture.settings;
import static dev.solo.testing.FakeChatCompletions.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.solo.labeler.Prediction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * How a remote labeler labels: each item from the label set, asked in the provider's request
 * shape (the schema of the answer, the few-shot prompt, the token limit) and read back with a
 * confidence; a request is sent byte for byte as before so cached answers still match.
 */
interface LabelingContract extends ProviderFixture {

    @Test
    default void labelsEachItemFromTheLabelSetInTheProvidersShapeAndRecordsTheTokens() throws Exception {
        server().setDispatcher(answering(ProviderFixture::sentimentOf));

        List<Prediction> predictions = labeler(settings()).train(POOL).predict(List.of("good-1", "bad-1"));

        assertThat(predictions).extracting(Prediction::label).containsExactly("Positive", "Negative");
        assertThat(predictions).allSatisfy(p -> assertThat(p.confidence()).isBetween(0.5, 1.0));
        RecordedRequest request = server().takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo(basePath() + chatPath());
        assertHeaders(request);
        String body = request.getBody().utf8();
        assertThat(body).contains("test-model").contains("\"enum\":[\"Positive\",\"Neutral\",\"Negative\"]")
                .doesNotContain(KEY);
        String user = userMessage(Json.read(body));
        assertThat(user).contains("Text: A wonderful film, I loved it.\nLabel: Positive")
                .contains("Text: Dull and far too long.\nLabel: Negative")
                .matches("(?s).*Label this text:\nText: Item 1: a (good|bad) movie\\.");
        assertThat(store().llmCalls().usage().calls()).isEqualTo(server().getRequestCount());
        assertThat(store().llmCalls().usage().inputTokens()).isEqualTo(120L * server().getRequestCount());
    }

    @Test
    default void confidenceComesFromTheLabelsTokenProbabilitiesOrFromVotes() {
        AtomicInteger served = new AtomicInteger();
        // with log-probabilities: 0.8 / 0.15 / 0.05; without: four votes of five for Positive
        server().setDispatcher(dispatch(request -> ok(answerBody(answer(served.getAndIncrement() % 5 == 4
                ? "Neutral" : "Positive"), Map.of("Positive", 0.8, "Neutral", 0.15, "Negative", 0.05), 120, 8))));

        Prediction prediction = labeler(settings()).train(POOL).predict(List.of("good-2")).get(0);

        assertThat(prediction.label()).isEqualTo("Positive");
        if (provider().givesLogprobs()) {
            assertThat(prediction.confidence()).isCloseTo((0.8 + 0.01) / (1.0 + 0.03), within(1e-9));
            assertThat(server().getRequestCount()).isEqualTo(1);
        } else {
            assertThat(prediction.confidence()).isCloseTo((0.8 + 0.01) / (1.0 + 0.03), within(1e-9));
            assertThat(server().getRequestCount()).isEqualTo(5);
        }
        assertThat(prediction.margin()).isGreaterThan(0.5);
    }

    @Test
    default void chainOfThoughtAsksForReasoningFirstAndKeepsItWithThePrediction() throws Exception {
        String content = "{\"reasoning\":\"It praises the movie.\",\"label\":\"Positive\"}";
        server().setDispatcher(dispatch(request -> ok(answerBody(content, distributionFor("Positive"), 120, 8))));
        FewShotPrompt thinking = new FewShotPrompt("Reviews", "Overall sentiment.", LABELS, 4, true, null);
        LlmLabeler labeler = new LlmLabeler(client(settings()), thinking, config(settings()),
                ProviderFixture::texts, 1, message -> { });

        Prediction prediction = labeler.train(POOL).predict(List.of("good-10")).get(0);

        assertThat(prediction.label()).isEqualTo("Positive");
        assertThat(prediction.reasoning()).isEqualTo("It praises the movie.");
        String body = server().takeRequest(1, TimeUnit.SECONDS).getBody().utf8();
        assertThat(body).contains("\"required\":[\"reasoning\",\"label\"]");
    }

    @Test
    default void aLabelRequestIsSentAsBeforeSoCachedAnswersStillMatch() {
        assertThat(provider().body("gpt-4o-mini", labelRequest())).isEqualTo(labelRequestBody());
    }

    @Test
    default void anAnswerOfAnyShapeIsAskedForWithTheRequestsSchemaAndReadBack() throws Exception {
        String content = "{\"edits\":[{\"text\":\"Sarcastic praise is Negative.\","
                + "\"reason\":\"two sarcastic reviews were labeled Positive\"}]}";
        server().setDispatcher(dispatch(request -> ok(answerBody(content, Map.of(), 300, 40))));
        ResponseSchema edits = guidelineEdits();

        ChatReply reply = client(settings()).complete(new ChatRequest("You improve labeling guidelines.",
                "Guidelines: Overall sentiment.\nMistakes: ...", edits, false, 0.0, 512, 0));

        assertThat(Json.read(reply.content())).isEqualTo(Json.read(content));
        JsonNode body = Json.read(server().takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertAnswerSchemaSent(body, edits);
        assertThat(body.toString()).doesNotContain("label_answer").doesNotContain("record_label");
        assertThat(store().llmCalls().usage().calls()).isEqualTo(1);
        assertThat(store().llmCalls().usage().inputTokens()).isEqualTo(300);
    }

    @Test
    default void anAnswerOutsideTheLabelSetIsAskedOnceMoreThenRecordedAsAnAbstention() {
        server().setDispatcher(answering(text -> "Mixed"));

        List<Prediction> predictions = labeler(settings()).train(POOL).predict(List.of("good-3", "bad-3"));

        assertThat(predictions).allMatch(Prediction::abstained);
        int perItem = provider().givesLogprobs() ? 2 : 5;
        assertThat(server().getRequestCount()).isEqualTo(2 * perItem);
    }
}
