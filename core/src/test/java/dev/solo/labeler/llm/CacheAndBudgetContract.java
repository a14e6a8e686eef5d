package dev.solo.labeler.llm;

import static dev.solo.labeler.llm.ProviderFixture.answer;
import static dev.solo.labeler.llm.ProviderFixture.dispatch;
import static dev.solo.labeler.llm.ProviderFixture.distributionFor;
import static dev.solo.labeler.llm.ProviderFixture.sentimentOf;
import static dev.solo.labeler.llm.ProviderFixture.settings;
import static dev.solo.testing.FakeChatCompletions.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solo.SoloInputException;
import dev.solo.labeler.Prediction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * What a remote labeler spends: answers are cached so a repeated or resumed run asks nothing
 * twice, no more than max_concurrency requests are in flight, and a spent budget stops sending.
 */
interface CacheAndBudgetContract extends ProviderFixture {

    @Test
    default void aRepeatedRunMakesNoNewCallsAndTheKeyIsWrittenNowhere() throws IOException {
        server().setDispatcher(answering(ProviderFixture::sentimentOf));
        List<String> items = List.of("good-5", "bad-5", "good-6", "bad-6");
        List<Prediction> first = labeler(settings()).train(POOL).predict(items);
        int calls = server().getRequestCount();

        List<Prediction> again = labeler(settings()).train(POOL).predict(items);

        assertThat(again).isEqualTo(first);
        assertThat(server().getRequestCount()).isEqualTo(calls);
        assertThat(store().llmCalls().usage().cachedCalls()).isEqualTo(calls);
        store().close();
        for (Path file : List.of(dir().resolve("state.db"), dir().resolve("state.db-wal"))) {
            if (Files.exists(file)) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(KEY);
            }
        }
        openStore();
    }

    @Test
    default void aFailureMidBatchKeepsTheFinishedAnswersAndTheRestResumes() {
        AtomicInteger outage = new AtomicInteger(1);
        server().setDispatcher(dispatch(request -> {
            String text = userMessage(Json.read(request.getBody().utf8()));
            if (outage.get() == 1 && text.contains("Item 7")) {
                return new MockResponse.Builder().code(503).body("overloaded").build();
            }
            return ok(answerBody(answer(sentimentOf(text)), distributionFor(sentimentOf(text)), 120, 8));
        }));
        List<String> items = List.of("good-0", "good-1", "good-7", "bad-0", "bad-1", "bad-7");
        assertThatThrownBy(() -> labeler(settings().withRetries(1)).train(POOL).predict(items))
                .isInstanceOf(LlmUnavailableException.class);
        long answered = store().llmCalls().usage().calls();
        outage.set(0);
        int before = server().getRequestCount();

        List<Prediction> predictions = labeler(settings()).train(POOL).predict(items);

        assertThat(predictions).extracting(Prediction::label)
                .containsExactly("Positive", "Positive", "Positive", "Negative", "Negative", "Negative");
        int perItem = provider().givesLogprobs() ? 1 : 5;
        assertThat(answered).as("finished answers were kept").isPositive();
        assertThat(server().getRequestCount() - before).as("nothing already answered is asked again")
                .isEqualTo(items.size() * perItem - answered);
    }

    @Test
    default void noMoreThanMaxConcurrencyRequestsAreInFlight() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        server().setDispatcher(dispatch(request -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            String text = userMessage(Json.read(request.getBody().utf8()));
            return ok(answerBody(answer(sentimentOf(text)), distributionFor(sentimentOf(text)), 120, 8));
        }));
        List<String> items = TEXTS.keySet().stream().filter(id -> !id.startsWith("p")).toList();

        labeler(settings().withConcurrency(3)).train(POOL).predict(items);

        assertThat(most.get()).isBetween(2, 3);
    }

    @Test
    default void aSpentBudgetStopsBeforeSendingAndSaysHowToGoOn() {
        server().setDispatcher(answering(ProviderFixture::sentimentOf));
        // $1,000 per million tokens: one 128-token answer costs $0.128
        Settings expensive = settings().withBudget(0.1);

        assertThatThrownBy(() -> labeler(expensive).train(POOL).predict(List.of("good-8", "bad-8", "good-9")))
                .isInstanceOf(SoloInputException.class)
                .hasMessageContaining("the LLM budget of $0.10 is spent");
        assertThat(store().llmCalls().usage().costUsd()).isGreaterThan(0.1);
        assertThat(server().getRequestCount()).isLessThanOrEqualTo(expensive.concurrency());
    }
}
