package dev.countersign.cli.login;

import dev.countersign.cli.CliContext;
import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A secret piped into the CLI, as {@code docker login --password-stdin} reads one. */
final class StandardInput {

    private final CliContext context;

    StandardInput(CliContext context) {
        this.context = context;
    }

    /** All of standard input without the one line end that echo or a file adds; {@code what} names it in errors. */
    String read(String what) {
        try {
            String secret = new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8);
            secret = secret.endsWith("\n") ? secret.substring(0, secret.length() - 1) : secret;
            secret = secret.endsWith("\r") ? secret.substring(0, secret.length() - 1) : secret;
            if (secret.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "standard input held no " + what, null);
            }
            return secret;
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "cannot read the " + what + " from standard input: " + e, null);
        }
    }
}
