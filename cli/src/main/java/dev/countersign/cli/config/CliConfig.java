package dev.countersign.cli.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * What {@code countersign login} stores: the server and either an API token (sent as a bearer
 * token; with {@code tokenId} when login issued it, so logout revokes it) or, for scripts that
 * asked for it, a user with a password (sent as HTTP Basic).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CliConfig(String server, String user, String password, String token, String tokenId) {

    public static CliConfig basic(String server, String user, String password) {
        return new CliConfig(server, user, password, null, null);
    }

    public static CliConfig bearer(String server, String token) {
        return new CliConfig(server, null, null, token, null);
    }

    /** A personal token that login issued for {@code user} in exchange for their password. */
    public static CliConfig issued(String server, String user, String token, String tokenId) {
        return new CliConfig(server, user, null, token, tokenId);
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
                + ", token=" + (token == null ? null : "***") + ", tokenId=" + tokenId + "]";
    }
}
