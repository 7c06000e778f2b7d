package dev.countersign.cli.login;

import dev.countersign.cli.CliContext;
import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ApiClient;
import dev.countersign.cli.api.ServerAddress;
import dev.countersign.cli.config.CliConfig;
import dev.countersign.cli.config.ConfigOption;
import dev.countersign.cli.config.ConfigStore;
import dev.countersign.cli.config.Credentials;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Revokes the token login issued, if any, and forgets the stored server and credentials. */
@Command(
        name = "logout",
        mixinStandardHelpOptions = true,
        description = "Revoke the API token `login --user` issued, and remove the stored credentials.")
public final class LogoutCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;

    public LogoutCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigStore store = config.store();
        PrintWriter out = spec.commandLine().getOut();
        Optional<CliConfig> stored = store.load();
        stored.filter(issued -> issued.tokenId() != null && issued.token() != null)
                .ifPresent(issued -> revoke(issued, out));
        if (store.delete()) {
            out.println("logged out: removed " + store.path());
        } else {
            out.println("not logged in: there is no " + store.path());
        }
        return ExitCode.OK;
    }

    /** Best effort: a token that cannot be revoked now (server away, already revoked) expires by itself. */
    private void revoke(CliConfig issued, PrintWriter out) {
        try {
            ServerAddress address = ServerAddress.parse(issued.server());
            new ApiClient(address, new Credentials.Bearer(issued.token()), context)
                    .delete("/api/tokens/" + issued.tokenId());
            out.println("revoked the API token " + issued.tokenId() + " that login issued");
        } catch (CliException failed) {
            spec.commandLine()
                    .getErr()
                    .println("note: the API token " + issued.tokenId() + " was not revoked (" + failed.getMessage()
                            + "); it expires by itself, or revoke it on the console's tokens page");
        }
    }
}
