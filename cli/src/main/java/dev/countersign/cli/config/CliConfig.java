package dev.countersign.cli.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * What {@code countersign login} stores: the server and either a user with a password (sent as HTTP
 * Basic) or an API token (sent as a bearer token).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CliConfig(String server, String user, String password, String token) {

    public static CliConfig basic(String server, String user, String password) {
        return new CliConfig(server, user, password, null);
    }

    public static CliConfig bearer(String server, String token) {
        return new CliConfig(server, null, null, token);
    }

    /** The credentials this configuration holds; a token wins over a password. */
    @JsonIgnore
    public Optional<Credentials> credentials() {
        if (token != null && !token.isBlank()) {
            return Optional.of(new Credentials.Bearer(token));
        }
        if (user != null && password != null) {
            return Optional.of(new Credentials.Basic(user, password));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "CliConfig[server=" + server + ", user=" + user + ", password=" + (password == null ? null : "***")
                + ", token=" + (token == null ? null : "***") + "]";
    }
}
