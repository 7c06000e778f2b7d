package dev.countersign.cli.login;

import dev.countersign.cli.CliContext;
import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ApiClient;
import dev.countersign.cli.api.ApiException;
import dev.countersign.cli.api.ServerAddress;
import dev.countersign.cli.api.ServerOptions;
import dev.countersign.cli.config.CliConfig;
import dev.countersign.cli.config.ConfigStore;
import dev.countersign.cli.config.Credentials;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Checks credentials against the server and, if it accepts them, stores them for later commands. */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = {
            "Check your credentials with the server and store them.",
            "With --user, your password is exchanged for a personal API token named for this machine"
                    + " (see --token-lifetime), and only the token is stored; `countersign logout`"
                    + " revokes it. --store-password stores the password instead, for scripts (slower:"
                    + " the server checks it on every call).",
            "The password comes from --password-stdin, else $COUNTERSIGN_PASSWORD, else a prompt"
                    + " without echo. An API token comes from --token-stdin or --token. The file is"
                    + " readable by you only (0600); nothing is stored if the server refuses the"
                    + " credentials."
        })
public final class LoginCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "COUNTERSIGN_PASSWORD";

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerOptions server;

    @Option(names = "--user", paramLabel = "NAME", description = "your user name (with your password)")
    private String user;

    @Option(
            names = "--token-lifetime",
            paramLabel = "DURATION",
            defaultValue = "P30D",
            description = "how long the token issued for --user lasts, ISO-8601 (default: ${DEFAULT-VALUE})")
    private String tokenLifetime;

    @Option(
            names = "--store-password",
            description = "store the password, not a token, and send it with every call (HTTP Basic, slower)")
    private boolean storePassword;

    @Option(names = "--password-stdin", description = "read the password from standard input")
    private boolean passwordStdin;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "an API token, sent as a bearer token (--token-stdin keeps it out of shell history)")
    private String token;

    @Option(names = "--token-stdin", description = "read the API token from standard input")
    private boolean tokenStdin;

    public LoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigStore store = server.store();
        ServerAddress address = ServerAddress.parse(serverAddress(store));
        Credentials credentials = credentials(address);
        ApiClient api = new ApiClient(address, credentials, context);
        PrintWriter out = spec.commandLine().getOut();
        if (credentials instanceof Credentials.Basic basic && !storePassword) {
            IssuedToken issued = IssuedToken.exchange(api, basic, tokenLifetime);
            Optional<CliConfig> previous = store.load();
            store.save(CliConfig.issued(address.toString(), basic.user(), issued.secret(), issued.id()));
            out.println("logged in to " + address + " " + credentials.describe() + " with a personal API token '"
                    + issued.name() + "' (" + issued.expiry() + "); your password was not stored");
            previous.ifPresent(old -> revokeReplaced(old, address, basic.user(), issued));
        } else {
            check(api, credentials);
            store.save(config(address, credentials));
            out.println("logged in to " + address + " " + credentials.describe());
        }
        out.println("credentials stored in " + store.path() + " (readable by you only)");
        if (!address.isHttps() && !address.isLoopback()) {
            spec.commandLine()
                    .getErr()
                    .println("warning: " + address + " is plain http: credentials cross the network"
                            + " unencrypted; use https://");
        }
        return ExitCode.OK;
    }

    /** The token an earlier login issued to the same user on the same server is revoked: one per machine. */
    private void revokeReplaced(CliConfig old, ServerAddress address, String user, IssuedToken issued) {
        if (old.tokenId() == null
                || old.tokenId().equals(issued.id())
                || !address.toString().equals(old.server())
                || !user.equals(old.user())) {
            return;
        }
        try {
            new ApiClient(address, new Credentials.Bearer(issued.secret()), context)
                    .delete("/api/tokens/" + old.tokenId());
        } catch (CliException gone) {
            // Already revoked or expired, or the server is gone again: it expires by itself.
            spec.commandLine()
                    .getErr()
                    .println("note: the token of your previous login (" + old.tokenId() + ") was not revoked: "
                            + gone.getMessage());
        }
    }

    private String serverAddress(ConfigStore store) {
        return server.override()
                .or(() -> store.load().map(CliConfig::server).filter(s -> !s.isBlank()))
                .orElseThrow(() -> usage("give --server URL, e.g. --server http://127.0.0.1:8080"));
    }

    private Credentials credentials(ServerAddress address) {
        if (storePassword && (user == null || token != null || tokenStdin)) {
            throw usage("--store-password goes with --user NAME");
        }
        if ((token != null || tokenStdin) && user != null) {
            throw usage("give either --user NAME or --token TOKEN, not both");
        }
        if (tokenStdin) {
            if (token != null || passwordStdin) {
                throw usage("--token-stdin goes alone: not with --token or --password-stdin");
            }
            String piped = new StandardInput(context).read("API token").strip();
            if (piped.isEmpty()) {
                throw usage("standard input held no API token, only blanks");
            }
            return new Credentials.Bearer(piped);
        }
        if (token != null) {
            if (passwordStdin) {
                throw usage("--password-stdin goes with --user, not with --token");
            }
            if (token.isBlank()) {
                throw usage("--token is empty");
            }
            return new Credentials.Bearer(token.strip());
        }
        if (user == null || user.isBlank()) {
            throw usage("give --user NAME (with a password), or --token-stdin or --token TOKEN");
        }
        return new Credentials.Basic(user, new PasswordSource(context).read(passwordStdin, user, address));
    }

    private static CliConfig config(ServerAddress address, Credentials credentials) {
        if (credentials instanceof Credentials.Basic basic) {
            return CliConfig.basic(address.toString(), basic.user(), basic.password());
        }
        return CliConfig.bearer(address.toString(), ((Credentials.Bearer) credentials).token());
    }

    private static void check(ApiClient api, Credentials credentials) {
        try {
            api.get("/api/approvals");
        } catch (ApiException refused) {
            if (refused.status() == 401) {
                throw refusedCredentials(api, credentials, refused);
            }
            throw refused;
        }
    }

    /** The server refused the credentials themselves (401): nothing is stored. */
    static CliException refusedCredentials(ApiClient api, Credentials credentials, ApiException refused) {
        String said = refused.problem().detail();
        return new CliException(
                ExitCode.NOT_ALLOWED,
                api.server() + " refused the credentials " + credentials.describe() + "; nothing was stored"
                        + (said.isBlank() ? "" : ". The server said: " + said),
                credentials instanceof Credentials.Bearer
                        ? "create a new API token (POST /api/tokens, or the console's tokens page) and run"
                                + " `countersign login --token-stdin` with it"
                        : "check the user name and password (or the token) and run `countersign login`" + " again");
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
