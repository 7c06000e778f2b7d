package dev.countersign.cli.api;

import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** No answer from the server: refused, unreachable, or too slow. */
public final class ConnectionFailed extends CliException {

    ConnectionFailed(URI server, IOException cause, Duration requestTimeout) {
        super(ExitCode.ERROR, message(server, cause, requestTimeout), hint(cause), cause);
    }

    private static String message(URI server, IOException cause, Duration requestTimeout) {
        if (cause instanceof HttpTimeoutException) {
            return server + " did not answer within " + requestTimeout.toSeconds() + " s";
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "cannot reach " + server + ": " + reason;
    }

    private static String hint(IOException cause) {
        if (cause instanceof HttpTimeoutException) {
            return "try again later; after a decision, run `countersign inbox` first to see whether it went through";
        }
        return "check that the Countersign service runs and that --server (or COUNTERSIGN_SERVER) names it";
    }
}
