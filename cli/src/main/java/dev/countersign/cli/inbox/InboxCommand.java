package dev.countersign.cli.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.CliContext;
import dev.countersign.cli.CliException;
import dev.countersign.cli.ErrorReporter;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.Usage;
import dev.countersign.cli.api.ApiClient;
import dev.countersign.cli.api.ApiOptions;
import dev.countersign.cli.api.ApiResponse;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Times;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The pending approvals the caller may decide now; with --watch, redrawn until interrupted. */
@Command(
        name = "inbox",
        mixinStandardHelpOptions = true,
        description = "List the pending approvals you may decide now.")
public final class InboxCommand implements Callable<Integer> {

    static final int MAX_INTERVAL_SECONDS = 3600;
    private static final String CLEAR_SCREEN = "\033[H\033[2J";

    private final CliContext context;
    private boolean more;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ApiOptions api;

    @Option(
            names = "--all",
            description = "list every pending approval, reading page after page (default: the newest 50 tasks'"
                    + " approvals, with a note when more wait)")
    private boolean all;

    @Option(names = "--watch", description = "redraw the inbox every --interval seconds until interrupted")
    private boolean watch;

    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "seconds between redraws with --watch, 1 to " + MAX_INTERVAL_SECONDS + " (default: 5)")
    private int intervalSeconds;

    public InboxCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Usage.requireBetween(spec, "--interval", intervalSeconds, 1, MAX_INTERVAL_SECONDS, " seconds");
        ApiClient client = api.connect();
        if (!watch) {
            print(read(client));
            return ExitCode.OK;
        }
        return watch(client);
    }

    private int watch(ApiClient client) {
        PrintWriter out = api.out();
        // in a table dashboard an error belongs in the frame; in JSON lines it would break the stream
        ErrorReporter errors = new ErrorReporter(out, api.json() ? api.err() : out, false);
        while (true) {
            JsonNode inbox = null;
            CliException failure = null;
            try {
                inbox = read(client);
            } catch (CliException refreshFailed) {
                if (refreshFailed.exitCode() == ExitCode.NOT_ALLOWED) {
                    throw refreshFailed;
                }
                // a server restart or a network hiccup should not end a dashboard: show it and go on
                failure = refreshFailed;
            }
            // cleared only once the answer is in, so the screen never stands empty while waiting
            if (!api.json() && context.terminal().interactive()) {
                out.print(CLEAR_SCREEN);
            }
            if (!api.json()) {
                out.println(header(client));
            }
            if (failure != null) {
                errors.report(failure);
            } else {
                print(inbox);
            }
            out.flush();
            try {
                context.sleeper().sleep(Duration.ofSeconds(intervalSeconds));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return ExitCode.OK;
            }
        }
    }

    /** Every page with --all; else the first, and a note for people when more wait. */
    private JsonNode read(ApiClient client) {
        if (all) {
            return InboxPages.all(client);
        }
        ApiResponse first = InboxPages.first(client);
        more = first.next() != null;
        return first.body();
    }

    private String header(ApiClient client) {
        String now = Times.local(context.clock().instant().toString(), context.zone());
        return "every " + intervalSeconds + " s: inbox of " + client.server() + " "
                + client.credentials().describe() + ", " + now + " (Ctrl-C to stop)";
    }

    private void print(JsonNode inbox) {
        PrintWriter out = api.out();
        if (api.json()) {
            out.println(watch ? Json.compact(inbox) : Json.pretty(inbox));
            out.flush();
        } else {
            InboxTable.print(
                    inbox, out, context.terminal().width(), context.clock().instant());
            if (more) {
                out.println("more approvals wait beyond these: run `countersign inbox --all` to list every one");
                out.flush();
            }
        }
    }
}
