package dev.countersign.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the CLI takes from the machine it runs on, in one place, so that tests can run the real
 * commands with their own environment, standard input, clock and terminal.
 */
public record CliContext(
        Map<String, String> env,
        Path home,
        InputStream stdin,
        PasswordPrompt passwordPrompt,
        Sleeper sleeper,
        Clock clock,
        ZoneId zone,
        Terminal terminal,
        Duration connectTimeout,
        Duration requestTimeout) {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public CliContext {
        env = Map.copyOf(env);
    }

    /** The real machine: process environment, System.in, the console, the system clock and zone. */
    public static CliContext system() {
        return new CliContext(
                System.getenv(),
                Path.of(System.getProperty("user.home")),
                System.in,
                PasswordPrompt.console(),
                duration -> Thread.sleep(duration.toMillis()),
                Clock.systemUTC(),
                ZoneId.systemDefault(),
                Terminal.system(System.getenv()),
                CONNECT_TIMEOUT,
                REQUEST_TIMEOUT);
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }
}
