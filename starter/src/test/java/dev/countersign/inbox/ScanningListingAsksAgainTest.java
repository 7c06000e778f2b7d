package dev.countersign.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The in-process test server now and then fails a listing that raced a change with UNKNOWN (its
 * unguarded iteration); the scan asks for that page again instead of failing the reviewer's inbox
 * with a 500, but gives up after a few tries and never retries other failures.
 */
class ScanningListingAsksAgainTest {

    private static final ScanningTaskDirectory.Page PAGE = new ScanningTaskDirectory.Page(List.of(), ByteString.EMPTY);

    @Test
    void aListingThatRacedAChangeIsAskedForAgain() {
        AtomicInteger calls = new AtomicInteger();
        Function<ByteString, ScanningTaskDirectory.Page> fetch = token -> {
            if (calls.incrementAndGet() == 1) {
                throw new StatusRuntimeException(Status.UNKNOWN.withDescription("Application error processing RPC"));
            }
            return PAGE;
        };

        assertThat(ScanningTaskDirectory.fetched(fetch, ByteString.EMPTY)).isSameAs(PAGE);
        assertThat(calls).hasValue(2);
    }

    @Test
    void aServerThatKeepsFailingFailsTheListingAfterAFewTries() {
        AtomicInteger calls = new AtomicInteger();
        Function<ByteString, ScanningTaskDirectory.Page> fetch = token -> {
            calls.incrementAndGet();
            throw new StatusRuntimeException(Status.UNKNOWN);
        };

        assertThatThrownBy(() -> ScanningTaskDirectory.fetched(fetch, ByteString.EMPTY))
                .isInstanceOf(StatusRuntimeException.class);
        assertThat(calls).hasValue(ScanningTaskDirectory.LISTING_ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotAskedAgain() {
        AtomicInteger calls = new AtomicInteger();
        Function<ByteString, ScanningTaskDirectory.Page> fetch = token -> {
            calls.incrementAndGet();
            throw new StatusRuntimeException(Status.UNAVAILABLE);
        };

        assertThatThrownBy(() -> ScanningTaskDirectory.fetched(fetch, ByteString.EMPTY))
                .isInstanceOf(StatusRuntimeException.class);
        assertThat(calls).hasValue(1);
    }
}
