package dev.countersign.cli;

import java.util.Optional;

/** A failure the CLI explains to the person at the terminal: a message, what to do next, an exit code. */
public class CliException extends RuntimeException {

    private final int exitCode;
    private final String hint;

    public CliException(int exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    public CliException(int exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public int exitCode() {
        return exitCode;
    }

    /** What the person should do next, when the CLI can tell. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
