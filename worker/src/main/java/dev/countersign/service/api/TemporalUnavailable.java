package dev.countersign.service.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;

/**
 * Recognises a failure that means the Temporal frontend did not answer, or throttled the call
 * (RESOURCE_EXHAUSTED that is not about size, see {@link TemporalPayloadTooLarge}), wherever it is
 * wrapped: the caller should try again shortly.
 */
final class TemporalUnavailable {

    private static final Set<Status.Code> UNAVAILABLE =
            Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED);

    private TemporalUnavailable() {}

    /**
     * The gRPC code when the failure or one of its causes is Temporal being unreachable or busy; else
     * null. A request too large for Temporal is never one: retrying it cannot help.
     */
    static Status.Code code(Throwable failure) {
        if (TemporalPayloadTooLarge.of(failure) != null) {
            return null;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException grpc
                    && UNAVAILABLE.contains(grpc.getStatus().getCode())) {
                return grpc.getStatus().getCode();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
