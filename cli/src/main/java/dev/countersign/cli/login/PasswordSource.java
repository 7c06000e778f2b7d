package dev.countersign.cli.login;

import dev.countersign.cli.CliContext;
import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ServerAddress;

/** Where a password comes from, in order: standard input if asked, the environment, a silent prompt. */
final class PasswordSource {

    private final CliContext context;

    PasswordSource(CliContext context) {
        this.context = context;
    }

    String read(boolean fromStdin, String user, ServerAddress server) {
        if (fromStdin) {
            return fromStdin();
        }
        return context.env(LoginCommand.PASSWORD_VARIABLE)
                .or(() -> context.passwordPrompt()
                        .read("Password for " + user + " at " + server + ": ")
                        .map(String::new))
                .filter(password -> !password.isEmpty())
                .orElseThrow(() -> new CliException(
                        ExitCode.USAGE,
                        "no password",
                        "pipe it in with --password-stdin, set " + LoginCommand.PASSWORD_VARIABLE
                                + ", or run login in a terminal to be prompted"));
    }

    private String fromStdin() {
        return new StandardInput(context).read("password");
    }
}
