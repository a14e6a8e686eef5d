package dev.solo.labeler.llm;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before retry number {@code attempt}: what the server asked for in
 * Retry-After (seconds, an HTTP date, or OpenAI's retry-after-ms), else exponential backoff
 * from {@code base} with "equal jitter" (half fixed, half random), capped.
 */
final class Backoff {
    static final Duration CAP = Duration.ofSeconds(60);

    private final Duration base;

    Backoff(Duration base) {
        this.base = base;
    }

    Duration delay(int attempt, String retryAfter) {
        Duration asked = parseRetryAfter(retryAfter);
        if (asked != null) {
            return asked.compareTo(CAP) > 0 ? CAP : asked;
        }
        long exponential = Math.min(CAP.toMillis(), base.toMillis() << Math.min(attempt, 20));
        long half = exponential / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.startsWith("ms:")) {
                return Duration.ofMillis((long) Double.parseDouble(text.substring(3)));
            }
            return Duration.ofMillis((long) (Double.parseDouble(text) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
