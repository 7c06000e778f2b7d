package dev.countersign.cli.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.CliContext;
import dev.countersign.cli.output.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Changes the arguments of a pending tool call; the server validates and re-evaluates them. */
@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        description = {
            "Change the arguments of a pending tool call.",
            "Starts from the pending arguments (or from"
                    + " --args-file) and applies each --set. The server checks the new arguments"
                    + " against the tool's schema and the policy; an edit beyond your tier escalates.",
            "Values are typed: 200 is a number, true and false are booleans, anything else is a string;"
                    + " key:=JSON takes raw JSON (key:='\"00123\"' for a string of digits)."
                    + " a.b=value reaches into a nested object."
        })
public final class EditCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private OneApproval approval;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "set one argument; repeat for more")
    private List<String> assignments = new ArrayList<>();

    @Option(
            names = "--args-file",
            paramLabel = "FILE",
            description = "take the whole arguments from a JSON file (- for standard input); --set applies on top")
    private String argsFile;

    @Option(
            names = {"-c", "--comment"},
            paramLabel = "TEXT",
            description = "why you changed them")
    private String comment;

    public EditCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ArgsEdits edits = ArgsEdits.parse(assignments);
        if (edits.isEmpty() && argsFile == null) {
            throw new ParameterException(
                    spec.commandLine(), "nothing to edit: give --set KEY=VALUE or --args-file FILE");
        }
        ObjectNode fromFile = argsFile == null ? null : readArgsFile();
        return approval.decide(DecisionIntent.edit(comment, approval.pinnedDigest(), pending -> {
            ObjectNode base = fromFile != null ? fromFile : pending;
            warnAboutUnknownKeys(edits, base);
            return edits.applyTo(base);
        }));
    }

    private void warnAboutUnknownKeys(ArgsEdits edits, ObjectNode base) {
        List<String> unknown = edits.unknownKeys(base);
        if (!unknown.isEmpty()) {
            List<String> known = new ArrayList<>();
            base.fieldNames().forEachRemaining(known::add);
            spec.commandLine()
                    .getErr()
                    .println("warning: " + String.join(", ", unknown) + " is not among the current arguments " + known
                            + "; it is added (a typo?)");
        }
    }

    private ObjectNode readArgsFile() {
        try {
            JsonNode args;
            if (argsFile.equals("-")) {
                try (InputStream in = context.stdin()) {
                    args = Json.MAPPER.readTree(in);
                }
            } else {
                args = Json.MAPPER.readTree(Files.readString(Path.of(argsFile)));
            }
            if (args == null || !args.isObject()) {
                throw new ParameterException(spec.commandLine(), "--args-file must hold a JSON object: " + argsFile);
            }
            return (ObjectNode) args;
        } catch (IOException e) {
            throw new ParameterException(
                    spec.commandLine(), "cannot read --args-file " + argsFile + ": " + e.getMessage());
        }
    }
}
