package dev.countersign.activities.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * How long a rate-limited or unavailable model endpoint asks to be left alone: OpenAI's {@code
 * retry-after-ms}, else {@code Retry-After} in seconds or as an HTTP date, kept between zero and a
 * cap so one odd header cannot park a task for hours.
 */
final class RetryAfter {

    /** The longest wait a header can ask for; a longer one is cut to this. */
    static final Duration CAP = Duration.ofMinutes(5);

    private RetryAfter() {}

    /**
     * @param header the values of a response header, by (case-insensitive) name
     * @return the wait asked for, or null when the response names none that can be read
     */
    static Duration of(Function<String, List<String>> header, Clock clock) {
        Duration asked = millis(first(header.apply("retry-after-ms")));
        if (asked == null) {
            asked = secondsOrDate(first(header.apply("retry-after")), clock);
        }
        if (asked == null) {
            return null;
        }
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(CAP) > 0 ? CAP : asked;
    }

    private static Duration millis(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value)));
        } catch (NumberFormatException | ArithmeticException unreadable) {
            return null;
        }
    }

    private static Duration secondsOrDate(String value, Clock clock) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        } catch (NumberFormatException | ArithmeticException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Duration.between(clock.instant(), at);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() || values.get(0) == null
                ? null
                : values.get(0).strip();
    }
}
