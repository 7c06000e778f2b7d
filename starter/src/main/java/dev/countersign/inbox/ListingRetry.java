package dev.countersign.inbox;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Asks the server for one page of a listing again when it failed in a way that passes: a listing
 * changes nothing, so asking again is safe. How often, on which codes and after which pauses is the
 * caller's (see {@link VisibilityTaskDirectory#askedAgain} and {@link ScanningTaskDirectory#fetched}).
 */
record ListingRetry(int attempts, Set<Status.Code> passing, Duration firstPause) {

    <T> T call(Supplier<T> call, Consumer<Duration> pause) {
        Duration wait = firstPause;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (StatusRuntimeException failed) {
                if (attempt >= attempts || !passing.contains(failed.getStatus().getCode())) {
                    throw failed;
                }
                if (!wait.isZero()) {
                    pause.accept(wait);
                }
                wait = wait.multipliedBy(2);
            }
        }
    }
}
