package dev.countersign.service.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.regex.Pattern;

/**
 * Recognises a failure that means a request was too large for Temporal, wherever the client wrapped
 * it: gRPC's message limit (RESOURCE_EXHAUSTED, "grpc: received message larger than max" from a Go
 * server, "gRPC message exceeds maximum size" from a Java one, on either side of the call) and the
 * server's payload limit (INVALID_ARGUMENT, "Blob data size exceeds limit"). Temporal also answers
 * RESOURCE_EXHAUSTED when it throttles (rate limits, a busy workflow); that is not a size failure.
 */
final class TemporalPayloadTooLarge {

    private static final Pattern SIZE = Pattern.compile(
            "(?i)larger than max|exceeds maximum size|size exceeds|exceeds (the )?(size )?limit|too large");
    private static final Pattern THROTTLED =
            Pattern.compile("(?i)rate ?limit|rps|concurrent|busy|too many|namespace.*limit");

    private TemporalPayloadTooLarge() {}

    /** The gRPC status when the failure or one of its causes says the request was too large; else null. */
    static Status of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException grpc && tooLarge(grpc.getStatus())) {
                return grpc.getStatus();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static boolean tooLarge(Status status) {
        String description = status.getDescription() == null ? "" : status.getDescription();
        return switch (status.getCode()) {
            case RESOURCE_EXHAUSTED ->
                SIZE.matcher(description).find()
                        || !THROTTLED.matcher(description).find();
            case INVALID_ARGUMENT -> SIZE.matcher(description).find();
            default -> false;
        };
    }
}
