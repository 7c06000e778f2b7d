package dev.countersign.service.security;

import dev.countersign.service.security.token.ApiTokenAuthentication;
import java.security.Principal;

/** Makes text that a caller controls safe to put in a log line: no control characters, bounded. */
public final class LogSafe {

    private static final int MAX_LENGTH = 100;

    private LogSafe() {}

    public static String text(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH) + "...";
    }

    /** The caller as a log line names it: {@code 'alice'}, or {@code 'alice' (token 1f2e...)} for an API token. */
    static String caller(Principal principal) {
        if (principal == null) {
            return "''";
        }
        String name = "'" + text(principal.getName()) + "'";
        return principal instanceof ApiTokenAuthentication token ? name + " (token " + token.tokenId() + ")" : name;
    }
}
