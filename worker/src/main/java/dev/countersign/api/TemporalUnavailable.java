package dev.countersign.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;

/** Recognises a failure that means the Temporal frontend did not answer, wherever it is wrapped. */
final class TemporalUnavailable {

    private static final Set<Status.Code> UNAVAILABLE = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);

    private TemporalUnavailable() {}

    /** The gRPC code when the failure or one of its causes is Temporal being unreachable; else null. */
    static Status.Code code(Throwable failure) {
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
