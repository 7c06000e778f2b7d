package dev.countersign.cli;

import java.io.Console;
import java.util.Optional;

/** Reads a password without echo; empty when there is no interactive console. */
@FunctionalInterface
public interface PasswordPrompt {

    Optional<char[]> read(String prompt);

    static PasswordPrompt console() {
        return prompt -> {
            Console console = System.console();
            return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
        };
    }
}
