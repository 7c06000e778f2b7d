package dev.countersign.cli;

import dev.countersign.cli.api.ApiException;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Text;
import java.io.PrintWriter;

/**
 * Prints a failure the same way everywhere: "error: ..." and "hint: ..." on stderr; in JSON mode
 * the server's problem+json on stdout as well, so a script reads it from where it reads answers.
 */
public final class ErrorReporter {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    public ErrorReporter(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    public void report(CliException failure) {
        report(null, failure);
    }

    /** @param subject what the failure is about, such as an approval id, when a command handles several */
    public void report(String subject, CliException failure) {
        String about = subject == null ? "" : Text.oneLine(subject) + ": ";
        err.println("error: " + about + Text.oneLine(failure.getMessage()));
        failure.hint().ifPresent(hint -> err.println("hint: " + hint));
        err.flush();
        if (json && failure instanceof ApiException api) {
            out.println(Json.pretty(api.problem().body()));
            out.flush();
        }
    }
}
