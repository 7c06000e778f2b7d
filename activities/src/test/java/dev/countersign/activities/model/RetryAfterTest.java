package dev.countersign.activities.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void secondsAreReadAsSeconds() {
        assertThat(wait(Map.of("retry-after", "20"))).isEqualTo(Duration.ofSeconds(20));
        assertThat(wait(Map.of("retry-after", "1.5"))).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void anHttpDateIsReadAsTheTimeUntilThen() {
        assertThat(wait(Map.of("retry-after", "Thu, 01 Jan 2026 00:01:00 GMT"))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void openAisMillisecondsWinOverSeconds() {
        assertThat(wait(Map.of("retry-after-ms", "250", "retry-after", "1"))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(wait(Map.of("retry-after", "Wed, 31 Dec 2025 23:00:00 GMT"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void aHugeWaitIsCut() {
        assertThat(wait(Map.of("retry-after", "86400"))).isEqualTo(RetryAfter.CAP);
    }

    @Test
    void noneOrAnUnreadableOneIsNull() {
        assertThat(wait(Map.of())).isNull();
        assertThat(wait(Map.of("retry-after", "soon"))).isNull();
    }

    private static Duration wait(Map<String, String> headers) {
        return RetryAfter.of(
                name -> headers.containsKey(name) ? List.of(headers.get(name)) : List.of(), TestAgents.CLOCK);
    }
}
