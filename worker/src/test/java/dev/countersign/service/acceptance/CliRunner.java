package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.CliContext;
import dev.countersign.cli.CountersignCli;
import dev.countersign.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The real countersign CLI, in process, for one user with their own configuration directory; what
 * it is given on standard input can be set per run (a token for {@code login --token-stdin}).
 */
final class CliRunner {

    record Run(int exitCode, String out, String err) {}

    private final String server;
    private final Path home;

    private CliRunner(String server, Path home) {
        this.server = server;
        this.home = home;
    }

    static CliRunner against(int port) {
        try {
            return new CliRunner("http://127.0.0.1:" + port, Files.createTempDirectory("countersign-cli-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String server() {
        return server;
    }

    /** Where login stores what it stores (XDG_CONFIG_HOME is this runner's home). */
    Path configFile() {
        return home.resolve("countersign/config.json");
    }

    /** Logs in with an API token piped in, asserting that the server accepted it. */
    CliRunner loggedInWithToken(String token) {
        Run login = withStdin(token + "\n", "login", "--server", server, "--token-stdin");
        assertThat(login.exitCode()).as(login.err()).isZero();
        return this;
    }

    /** Logs in as a configured user with the acceptance password, asserting that the server accepted it. */
    CliRunner loggedInAs(String user) {
        Run login = run("login", "--server", server, "--user", user);
        assertThat(login.exitCode()).as(login.err()).isZero();
        return this;
    }

    Run run(String... args) {
        return withStdin("", args);
    }

    Run withStdin(String stdin, String... args) {
        CliContext context = new CliContext(
                Map.of("COUNTERSIGN_PASSWORD", ApiClient.PASSWORD, "XDG_CONFIG_HOME", home.toString()),
                home,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                prompt -> Optional.empty(),
                duration -> {},
                Clock.systemUTC(),
                ZoneOffset.UTC,
                Terminal.fixed(false, 200),
                CliContext.CONNECT_TIMEOUT,
                CliContext.REQUEST_TIMEOUT);
        CommandLine commandLine = CountersignCli.commandLine(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
