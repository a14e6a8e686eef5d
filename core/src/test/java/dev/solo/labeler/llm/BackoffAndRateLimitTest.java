package dev.solo.labeler.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackoffAndRateLimitTest {
    @TempDir
    Path dir;

    @Test
    void retryAfterIsReadAsSecondsMillisecondsOrAnHttpDate() {
        assertThat(Backoff.parseRetryAfter("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.parseRetryAfter("0.5")).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.parseRetryAfter("ms:1500")).isEqualTo(Duration.ofMillis(1500));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
        assertThat(Backoff.parseRetryAfter(inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(Backoff.parseRetryAfter("soon")).isNull();
        assertThat(Backoff.parseRetryAfter(null)).isNull();
    }

    @Test
    void withoutRetryAfterTheWaitDoublesWithJitterUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100));

        for (int attempt = 0; attempt < 5; attempt++) {
            long full = 100L << attempt;
            assertThat(backoff.delay(attempt, null).toMillis()).isBetween(full / 2, full);
        }
        assertThat(backoff.delay(30, null)).isLessThanOrEqualTo(Backoff.CAP);
        assertThat(backoff.delay(0, "600")).isEqualTo(Backoff.CAP);
        assertThat(backoff.delay(3, "1")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void requestsPerMinuteAreSpacedEvenly() throws InterruptedException {
        RecordingSleeper sleeper = new RecordingSleeper();
        RateLimiter limiter = new RateLimiter(1200, sleeper, sleeper::nanoTime); // one every 50 ms

        for (int i = 0; i < 11; i++) {
            limiter.acquire();
        }

        assertThat(sleeper.waits()).hasSize(10).containsOnly(Duration.ofMillis(50));
    }

    @Test
    void unlessGivenAnotherSleeperTheClientReallyWaits() {
        Deque<Transport.Response> responses = new ArrayDeque<>(List.of(
                new Transport.Response(429, "0.2", "{\"error\":{\"message\":\"rate limited\"}}"),
                new Transport.Response(200, null, "{\"choices\":[{\"message\":{\"content\":\"{\\\"label\\\":\\\"Neutral\\\"}\"}}]}")));
        try (SqliteStore store = SqliteStore.open(dir.resolve("state.db"))) {
            LlmClient client = new LlmClient(OpenAiChatProvider.openAi(),
                    new LlmClient.Settings("test-model", null, HttpUrl.get("http://localhost:1/v1"), 1, null, null,
                            null, dir.resolve("config.yaml"), Duration.ofMillis(1)),
                    request -> responses.removeFirst(),
                    new LlmLedger(store.llmCalls(), "openai", "test-model", Optional.empty(), Clock.systemUTC()));
            long started = System.nanoTime();

            ChatReply reply = client.complete(ProviderFixture.request());

            assertThat(reply.content()).isEqualTo("{\"label\":\"Neutral\"}");
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        }
    }
}
