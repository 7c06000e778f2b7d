package dev.countersign.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.OutputOptions;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code --server}, {@code --config} and {@code --output}, mixed into the commands that ask the
 * server and print its answer, and the printing: the server's JSON for scripts, else the command's
 * own view for people.
 */
public final class ApiOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Mixin
    private ServerOptions server;

    @Mixin
    private OutputOptions output;

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
