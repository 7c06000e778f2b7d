package dev.countersign.cli.login;

import dev.countersign.cli.CliContext;
import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ServerAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
        try {
            String password = new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8);
            // like `docker login --password-stdin`: the line end that echo or a file adds is not part of it
            password = password.endsWith("\n") ? password.substring(0, password.length() - 1) : password;
            password = password.endsWith("\r") ? password.substring(0, password.length() - 1) : password;
            if (password.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "standard input held no password", null);
            }
            return password;
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "cannot read the password from standard input: " + e, null);
        }
    }
}
