package dev.countersign.review;

import java.util.Arrays;
import java.util.Locale;

/** A reviewer's verdict on an executed action; the wire names are {@code ok}, {@code flag} and {@code rollback}. */
public enum ReviewVerdict {
    OK,
    FLAG,
    ROLLBACK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict with this wire name, or null when there is none. */
    public static ReviewVerdict fromWire(String name) {
        return Arrays.stream(values())
                .filter(verdict -> verdict.wireName().equals(name))
                .findFirst()
                .orElse(null);
    }
}
