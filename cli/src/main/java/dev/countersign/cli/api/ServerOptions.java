package dev.countersign.cli.api;

import dev.countersign.cli.CliContext;
import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.config.CliConfig;
import dev.countersign.cli.config.ConfigOption;
import dev.countersign.cli.config.ConfigStore;
import dev.countersign.cli.config.Credentials;
import dev.countersign.cli.config.NotLoggedIn;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --server} and {@code --config}, mixed into every command that calls the API, and the
 * client they lead to: the server from {@code --server}, else COUNTERSIGN_SERVER, else the
 * configuration; the credentials from the configuration.
 */
public final class ServerOptions {

    public static final String SERVER_VARIABLE = "COUNTERSIGN_SERVER";

    private final CliContext context;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "the Countersign server, e.g. http://127.0.0.1:8080" + " (default: $" + SERVER_VARIABLE
                    + ", else the one you logged in to)")
    private String server;

    @Mixin
    private ConfigOption config;

    public ServerOptions(CliContext context) {
        this.context = context;
    }

    public ConfigStore store() {
        return config.store();
    }

    /** The server named on the command line or in the environment, if any. */
    public Optional<String> override() {
        return Optional.ofNullable(server).filter(s -> !s.isBlank()).or(() -> context.env(SERVER_VARIABLE));
    }

    public ApiClient connect() {
        ConfigStore store = config.store();
        Optional<CliConfig> stored = store.load();
        store.permissionWarning().ifPresent(command.commandLine().getErr()::println);
        Credentials credentials =
                stored.flatMap(CliConfig::credentials).orElseThrow(() -> new NotLoggedIn(store.path()));
        String address = override()
                .or(() -> stored.map(CliConfig::server).filter(s -> !s.isBlank()))
                .orElseThrow(() -> new CliException(
                        ExitCode.USAGE,
                        "no server: the configuration " + store.path() + " names none",
                        "give --server URL, or run `countersign login --server URL --user NAME`"));
        return new ApiClient(ServerAddress.parse(address), credentials, context);
    }
}
