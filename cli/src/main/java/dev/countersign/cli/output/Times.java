package dev.countersign.cli.output;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Instants from the API (ISO-8601, UTC) shown in the reader's time zone, to the second. */
public final class Times {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {}

    public static String local(String isoInstant, ZoneId zone) {
        if (isoInstant == null || isoInstant.isBlank()) {
            return "";
        }
        try {
            return LOCAL.format(Instant.parse(isoInstant).atZone(zone));
        } catch (DateTimeParseException notAnInstant) {
            return isoInstant;
        }
    }

    /** How long ago, as "45s ago", "12m ago", "3h ago" or "2d ago"; short enough for a narrow column. */
    public static String ago(String isoInstant, Instant now) {
        if (isoInstant == null || isoInstant.isBlank()) {
            return "";
        }
        try {
            long seconds =
                    Math.max(0, Duration.between(Instant.parse(isoInstant), now).toSeconds());
            if (seconds < 60) {
                return seconds + "s ago";
            }
            if (seconds < 3600) {
                return seconds / 60 + "m ago";
            }
            if (seconds < 86400) {
                return seconds / 3600 + "h ago";
            }
            return seconds / 86400 + "d ago";
        } catch (DateTimeParseException notAnInstant) {
            return isoInstant;
        }
    }
}
