package dev.countersign.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.CliContext;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.OutputOptions;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.OptionalInt;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code --server}, {@code --config} and {@code --output}, mixed into the commands that ask the
 * server and print its answer, and the printing: the server's JSON for scripts, else the command's
 * own view for people, fitted to the terminal and in the local time zone.
 */
public final class ApiOptions {

    private final CliContext context;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Mixin
    private ServerOptions server;

    @Mixin
    private OutputOptions output;

    public ApiOptions(CliContext context) {
        this.context = context;
    }

    public ApiClient connect() {
        return server.connect();
    }

    public boolean json() {
        return output.json();
    }

    public PrintWriter out() {
        return command.commandLine().getOut();
    }

    public PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** The terminal's width in columns, if it has one. */
    public OptionalInt width() {
        return context.terminal().width();
    }

    public ZoneId zone() {
        return context.zone();
    }

    /** Prints the answer as it came with {@code --output json}, else as {@code forPeople} shows it. */
    public void print(JsonNode answer, Consumer<PrintWriter> forPeople) {
        PrintWriter out = out();
        if (output.json()) {
            out.println(Json.pretty(answer));
        } else {
            forPeople.accept(out);
        }
        out.flush();
    }

    /** Prints what a write did: its answer ({@code {}} when empty) with {@code --output json}, else the line. */
    public void printOutcome(JsonNode answer, String line) {
        print(answer.isMissingNode() ? Json.MAPPER.createObjectNode() : answer, out -> out.println(line));
    }
}
