package dev.solo.labeler.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class BackoffAndRateLimitTest {

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
        RateLimiter limiter = new RateLimiter(1200); // one every 50 ms
        long started = System.nanoTime();

        for (int i = 0; i < 11; i++) {
            limiter.acquire();
        }

        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(Duration.ofMillis(480).toNanos());
    }
}
