package dev.countersign.service.door;

import java.io.IOException;

/**
 * A body without a declared length that grew past {@code countersign.limits.max-request-body} while
 * it was read. It is an {@link IOException} because the reading stream throws it; whoever turns
 * read failures into answers looks for it with {@link #in(Throwable)} and answers 413.
 */
public class RequestBodyTooLarge extends IOException {

    private final String limit;

    RequestBodyTooLarge(String limit) {
        super(DoorProblems.tooLargeDetail(limit));
        this.limit = limit;
    }

    public String limit() {
        return limit;
    }

    /** The body-limit failure behind this failure (itself or one of its causes), or null. */
    public static RequestBodyTooLarge in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
