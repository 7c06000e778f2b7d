package dev.countersign.listing;

import java.util.Locale;

/** Why a task could not be read: it did not answer within the deadline, or its read failed. */
public enum ReadFailure {
    TIMEOUT,
    FAILED;

    /** The value of the {@code reason} tag of the failed-reads counter. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
