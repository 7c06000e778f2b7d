package dev.countersign.cli.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How the CLI authenticates: HTTP Basic for a user and password, a bearer header for an API token. */
public sealed interface Credentials {

    /** The value of the {@code Authorization} header. */
    String authorization();

    /** Who the credentials speak for, as a person reads it. */
    String describe();

    record Basic(String user, String password) implements Credentials {
        @Override
        public String authorization() {
            String pair = user + ":" + password;
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String describe() {
            return "as " + user;
        }

        @Override
        public String toString() {
            return "Basic[user=" + user + ", password=***]";
        }
    }

    record Bearer(String token) implements Credentials {
        @Override
        public String authorization() {
            return "Bearer " + token;
        }

        @Override
        public String describe() {
            return "with an API token";
        }

        @Override
        public String toString() {
            return "Bearer[token=***]";
        }
    }
}
