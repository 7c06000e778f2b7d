package dev.countersign.cli.testing;

import dev.countersign.cli.CliContext;
import dev.countersign.cli.CountersignCli;
import dev.countersign.cli.PasswordPrompt;
import dev.countersign.cli.Sleeper;
import dev.countersign.cli.Terminal;
import dev.countersign.cli.config.CliConfig;
import dev.countersign.cli.config.ConfigStore;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Runs the real {@code countersign} command line in the test's JVM, with a home directory, an
 * environment, standard input and a terminal of the test's choosing, and captures what it prints.
 * Nothing sleeps: waits are recorded and return at once (or end a --watch loop when told to).
 */
public final class Cli {

    public static final String CONFIG_FILE = "countersign.json";

    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private String stdin = "";
    private Optional<char[]> typedPassword = Optional.empty();
    private int terminalWidth;
    private int sleepsBeforeInterrupt = Integer.MAX_VALUE;
    private Duration requestTimeout = Duration.ofSeconds(5);

    public Cli(Path home) {
        this.home = home;
    }

    /** The file passed with --config by {@link #runWithConfig}. */
    public Path config() {
        return home.resolve(CONFIG_FILE);
    }

    /** Stores a config with a user and password, as a login would. */
    public Cli loggedIn(String server, String user, String password) {
        new ConfigStore(config()).save(CliConfig.basic(server, user, password));
        return this;
    }

    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Cli stdin(String text) {
        stdin = text;
        return this;
    }

    public Cli typedPassword(String password) {
        typedPassword = Optional.of(password.toCharArray());
        return this;
    }

    public Cli terminalWidth(int columns) {
        terminalWidth = columns;
        return this;
    }

    /** Ends a --watch loop: the n-th wait is interrupted, as Ctrl-C would end it. */
    public Cli interruptAfterSleeps(int n) {
        sleepsBeforeInterrupt = n;
        return this;
    }

    public Cli requestTimeout(Duration timeout) {
        requestTimeout = timeout;
        return this;
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Runs {@code countersign ARGS... --config <home>/countersign.json}. */
    public Result runWithConfig(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(config().toString());
        return run(all.toArray(String[]::new));
    }

    public Result run(String... args) {
        Sleeper sleeper = duration -> {
            sleeps.add(duration);
            if (sleeps.size() >= sleepsBeforeInterrupt) {
                throw new InterruptedException("test ends the loop");
            }
        };
        PasswordPrompt prompt = text -> typedPassword;
        CliContext context = new CliContext(
                env,
                home,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                prompt,
                sleeper,
                Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneOffset.UTC),
                ZoneOffset.UTC,
                Terminal.fixed(false, terminalWidth),
                Duration.ofSeconds(5),
                requestTimeout);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CountersignCli.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        boolean interrupted = Thread.interrupted(); // clear the flag a --watch loop left for this thread
        return new Result(exitCode, out.toString(), err.toString(), interrupted);
    }

    /** What a run printed and how it exited. */
    public record Result(int exitCode, String out, String err, boolean interrupted) {}
}
