package dev.countersign.approval;

import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Waits for a condition until a deadline that may move, in the shape of Temporal's
 * UpdatableTimer sample: a durable timer per stretch of waiting, re-armed whenever the deadline
 * changes. Serves both an approval tier's SLA and the post-action review windows (whose next
 * closing moves as verdicts arrive). Workflow code only.
 */
public final class SlaTimer {

    private SlaTimer() {}

    /**
     * Returns true as soon as {@code settled} holds, false once the deadline {@code deadline}
     * supplies has passed with it unsettled. A null deadline waits without limit.
     */
    public static boolean awaitUntil(Supplier<Instant> deadline, Supplier<Boolean> settled) {
        while (true) {
            Instant until = deadline.get();
            if (until == null) {
                Workflow.await(() -> settled.get() || deadline.get() != null);
            } else {
                Duration remaining = Duration.between(Instant.ofEpochMilli(Workflow.currentTimeMillis()), until);
                if (remaining.isNegative() || remaining.isZero()) {
                    return settled.get();
                }
                Workflow.await(remaining, () -> settled.get() || !until.equals(deadline.get()));
            }
            if (settled.get()) {
                return true;
            }
        }
    }
}
