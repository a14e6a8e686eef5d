package dev.solo.labeler.llm;

import static dev.solo.labeler.llm.ProviderFixture.answer;
import static dev.solo.labeler.llm.ProviderFixture.dispatch;
import static dev.solo.labeler.llm.ProviderFixture.request;
import static dev.solo.labeler.llm.ProviderFixture.settings;
import static dev.solo.testing.FakeChatCompletions.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solo.SoloInputException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * How a remote labeler copes with a server that fails: 429s, 5xx, malformed answers and timeouts
 * are retried with backoff (waits recorded, not taken); exhausted retries say the run resumes;
 * a refused key stops at once with one line that never shows the key.
 */
interface ReliabilityContract extends ProviderFixture {

    @Test
    default void aRunOf429sIsRetriedHonouringRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            server().enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", i == 0 ? "1" : "0")
                    .body("{\"error\":{\"message\":\"rate limited\"}}").build());
        }
        server().enqueue(ok(answerBody(answer("Positive"), Map.of("Positive", 0.9, "Neutral", 0.05, "Negative", 0.05),
                120, 8)));

        ChatReply reply = client(settings()).complete(request());

        assertThat(LabelAnswer.read(reply.content(), LABELS).label()).contains("Positive");
        assertThat(server().getRequestCount()).isEqualTo(4);
        assertThat(sleeper().waits()).as("the waits Retry-After asked for")
                .containsExactly(Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO);
    }

    @Test
    default void serverErrorsAndMalformedJsonAreRetried() {
        server().enqueue(new MockResponse.Builder().code(503).body("upstream unavailable").build());
        server().enqueue(ok("{\"choices\": [ {\"message\": "));
        server().enqueue(ok(answerBody(answer("Negative"), Map.of("Positive", 0.1, "Neutral", 0.1, "Negative", 0.8),
                120, 8)));

        ChatReply reply = client(settings()).complete(request());

        assertThat(LabelAnswer.read(reply.content(), LABELS).label()).contains("Negative");
        assertThat(server().getRequestCount()).isEqualTo(3);
        // no Retry-After: backoff from the 1 ms base, at most 1 ms then 2 ms
        assertThat(sleeper().waits()).hasSize(2);
        assertThat(sleeper().waits().get(0)).isLessThanOrEqualTo(Duration.ofMillis(1));
        assertThat(sleeper().waits().get(1)).isBetween(Duration.ofMillis(1), Duration.ofMillis(2));
    }

    @Test
    default void aTimeoutIsRetried() {
        server().enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS)
                .body(answerBody(answer("Positive"), Map.of("Positive", 1.0), 120, 8)).build());
        server().enqueue(ok(answerBody(answer("Neutral"), Map.of("Positive", 0.1, "Neutral", 0.8, "Negative", 0.1),
                120, 8)));

        ChatReply reply = client(settings().withTimeout(Duration.ofMillis(250))).complete(request());

        assertThat(LabelAnswer.read(reply.content(), LABELS).label()).contains("Neutral");
        assertThat(server().getRequestCount()).isEqualTo(2);
    }

    @Test
    default void exhaustedRetriesSayWhatHappenedAndThatTheRunResumes() {
        server().setDispatcher(dispatch(request -> new MockResponse.Builder().code(500).body("boom").build()));

        assertThatThrownBy(() -> client(settings().withRetries(2)).complete(request()))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("did not answer after 3 attempts (last: HTTP 500: boom)")
                .hasMessageContaining("running again resumes");
    }

    @Test
    default void aWrongKeyStopsWithOneLineNamingTheVariableAndNeverShowingTheKey() {
        server().setDispatcher(dispatch(request -> new MockResponse.Builder().code(401)
                .body(authErrorBody("Incorrect API key provided: " + KEY)).build()));

        assertThatThrownBy(() -> labeler(settings()).train(POOL).predict(List.of("good-4")))
                .isInstanceOf(SoloInputException.class)
                .satisfies(e -> assertThat(((SoloInputException) e).oneLine())
                        .contains(provider().name() + " refused the API key (HTTP 401")
                        .contains("set MY_TEAM_KEY to a valid key")
                        .doesNotContain(KEY));
        assertThat(server().getRequestCount()).as("a refused key is not retried").isEqualTo(1);
    }
}
