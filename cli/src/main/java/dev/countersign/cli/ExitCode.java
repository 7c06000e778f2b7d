package dev.countersign.cli;

import java.util.List;

/** The exit codes of every command; scripts switch on them. */
public final class ExitCode {

    public static final int OK = 0;
    /** The server failed (5xx), could not be reached, or refused the request as malformed (400). */
    public static final int ERROR = 1;
    /** The command line was wrong: a missing or bad option. */
    public static final int USAGE = 2;
    /** Not logged in, refused credentials (401), or not allowed (403). */
    public static final int NOT_ALLOWED = 3;
    /** The task, approval or endpoint does not exist (404). */
    public static final int NOT_FOUND = 4;
    /** The request clashes with the current state: already decided, arguments changed, task ended (409). */
    public static final int CONFLICT = 5;

    /** From the most to the least serious, for a command that makes several requests. */
    private static final List<Integer> SEVERITY = List.of(ERROR, USAGE, NOT_ALLOWED, NOT_FOUND, CONFLICT, OK);

    private ExitCode() {}

    public static int forStatus(int status) {
        return switch (status) {
            case 401, 403 -> NOT_ALLOWED;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            default -> status >= 200 && status < 300 ? OK : ERROR;
        };
    }

    /** The more serious of two exit codes: an error whose outcome is unknown beats a refusal. */
    public static int worst(int one, int other) {
        return SEVERITY.indexOf(one) <= SEVERITY.indexOf(other) ? one : other;
    }
}
