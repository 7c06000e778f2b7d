package dev.countersign.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A successful answer: its status (200, 201 or 202), its JSON body (a missing node when empty), and
 * the path of the next page when its {@code Link} header names one ({@code rel="next"}), else null.
 */
public record ApiResponse(int status, JsonNode body, String next) {

    private static final Pattern NEXT = Pattern.compile("<(/[^>]*)>\\s*;\\s*rel=\"?next\"?");

    public ApiResponse(int status, JsonNode body) {
        this(status, body, null);
    }

    /** The next page's path in a {@code Link} header, or null; only paths on the same server are followed. */
    static String next(String link) {
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        return next.find() ? next.group(1) : null;
    }
}
