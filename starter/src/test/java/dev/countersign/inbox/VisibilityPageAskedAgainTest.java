package dev.countersign.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An inbox page is asked for again, after growing pauses, when the Temporal server throttles
 * visibility calls (its default is 10 a second per namespace) or is briefly unreachable, instead of
 * answering the reviewer 503 at once; it gives up after a few tries and never retries other failures.
 */
class VisibilityPageAskedAgainTest {

    private final List<Duration> pauses = new ArrayList<>();

    @Test
    void aThrottledPageIsAskedAgainAfterAPause() {
        AtomicInteger calls = new AtomicInteger();

        String page = VisibilityTaskDirectory.askedAgain(
                () -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new StatusRuntimeException(
                                Status.RESOURCE_EXHAUSTED.withDescription("namespace rate limit exceeded"));
                    }
                    return "page";
                },
                pauses::add);

        assertThat(page).isEqualTo("page");
        assertThat(calls).hasValue(3);
        assertThat(pauses).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void aServerThatStaysUnavailableFailsThePageAfterAFewTriesWithinASecond() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> VisibilityTaskDirectory.askedAgain(
                        () -> {
                            calls.incrementAndGet();
                            throw new StatusRuntimeException(Status.UNAVAILABLE);
                        },
                        pauses::add))
                .isInstanceOf(StatusRuntimeException.class);
        assertThat(calls).hasValue(VisibilityTaskDirectory.PAGE_ATTEMPTS);
        assertThat(pauses.stream().mapToLong(Duration::toMillis).sum()).isEqualTo(750);
    }

    @Test
    void otherFailuresAreNotAskedAgain() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> VisibilityTaskDirectory.askedAgain(
                        () -> {
                            calls.incrementAndGet();
                            throw new StatusRuntimeException(Status.INVALID_ARGUMENT);
                        },
                        pauses::add))
                .isInstanceOf(StatusRuntimeException.class);
        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();
    }
}
