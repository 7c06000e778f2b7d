package dev.countersign.cli.decision;

import dev.countersign.cli.CliContext;
import dev.countersign.cli.ErrorReporter;
import dev.countersign.cli.api.ServerOptions;
import dev.countersign.cli.output.OutputOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code --server}, {@code --config} and {@code --output}, mixed into every decision command, and the
 * sender they make.
 */
public final class DecisionOptions {

    private final CliContext context;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Mixin
    private ServerOptions server;

    @Mixin
    private OutputOptions output;

    public DecisionOptions(CliContext context) {
        this.context = context;
    }

    /** A sender that prints to the command's streams in the format it was asked for. */
    DecisionSender sender() {
        PrintWriter out = command.commandLine().getOut();
        return new DecisionSender(
                server.connect(),
                new DecisionPrinter(out, output.json(), context.terminal().width()),
                new ErrorReporter(out, command.commandLine().getErr(), output.json()));
    }
}
