package dev.countersign.cli;

import dev.countersign.cli.completion.CompletionCommand;
import dev.countersign.cli.decision.ApproveAllCommand;
import dev.countersign.cli.decision.ApproveCommand;
import dev.countersign.cli.decision.EditCommand;
import dev.countersign.cli.decision.RejectCommand;
import dev.countersign.cli.decision.RequestChangesCommand;
import dev.countersign.cli.inbox.InboxCommand;
import dev.countersign.cli.login.LoginCommand;
import dev.countersign.cli.login.LogoutCommand;
import dev.countersign.cli.output.OutputOptions;
import dev.countersign.cli.records.RecordsCommand;
import dev.countersign.cli.review.CompensationCommand;
import dev.countersign.cli.review.OutcomeCommand;
import dev.countersign.cli.review.ReviewCommand;
import dev.countersign.cli.tasks.TasksCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code countersign} command: reviewers and operators talk to a Countersign server's REST API. */
@Command(
        name = "countersign",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Review and steer AI agent tasks on a Countersign server.",
        subcommands = {
            LoginCommand.class,
            LogoutCommand.class,
            InboxCommand.class,
            ApproveCommand.class,
            ApproveAllCommand.class,
            RejectCommand.class,
            EditCommand.class,
            RequestChangesCommand.class,
            TasksCommand.class,
            ReviewCommand.class,
            CompensationCommand.class,
            OutcomeCommand.class,
            RecordsCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:error: the server failed (5xx), could not be reached, or refused a bad request (400)",
            "2:usage: a missing or bad option",
            "3:not allowed: not logged in, credentials refused (401), or forbidden (403)",
            "4:not found (404)",
            "5:conflict (409): already decided, arguments changed, task ended"
        },
        footer = "%nStart with: countersign login --server http://127.0.0.1:8080 --user alice")
public final class CountersignCli {

    public static void main(String[] args) {
        System.exit(commandLine(CliContext.system()).execute(args));
    }

    /** The command line with every sub-command, its error handling, and the given machine context. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(CountersignCli.class, new CliFactory(context));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(CountersignCli::handleFailure);
        commandLine.setParameterExceptionHandler(CountersignCli::handleUsageError);
        return commandLine;
    }

    private static int handleFailure(Exception failure, CommandLine command, ParseResult parsed) {
        ErrorReporter reporter = new ErrorReporter(command.getOut(), command.getErr(), wantsJson(command));
        if (failure instanceof CliException known) {
            reporter.report(known);
            return known.exitCode();
        }
        reporter.report(new CliException(
                ExitCode.ERROR,
                "unexpected failure: " + failure,
                "this is a bug in the countersign CLI; please report it with the command you ran"));
        return ExitCode.ERROR;
    }

    private static int handleUsageError(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + failure.getMessage());
        if (failure.getMessage().startsWith("Missing required subcommand")) {
            command.usage(err);
        } else {
            UnmatchedArgumentException.printSuggestions(failure, err);
            err.println("hint: run `" + command.getCommandSpec().qualifiedName() + " --help` for usage");
        }
        err.flush();
        return ExitCode.USAGE;
    }

    private static boolean wantsJson(CommandLine command) {
        return wantsJson(command.getCommandSpec());
    }

    /** True when --output json was given, also to a mixin within a mixin (such as the decision options). */
    private static boolean wantsJson(CommandSpec command) {
        return command.mixins().values().stream()
                .anyMatch(mixin ->
                        mixin.userObject() instanceof OutputOptions output && output.json() || wantsJson(mixin));
    }
}
