package dev.countersign.cli.login;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ApiClient;
import dev.countersign.cli.api.ApiException;
import dev.countersign.cli.api.ApiResponse;
import dev.countersign.cli.config.Credentials;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A personal API token the server issued at login, in exchange for the user's password. */
record IssuedToken(String id, String name, String secret, String expiresAt) {

    /** The server's limit on a token's name. */
    static final int MAX_NAME_LENGTH = 100;

    /**
     * Asks the server for a token named for this machine, authenticating with the password. Sent
     * once, never retried on its own: a retry could leave a second token behind.
     */
    static IssuedToken exchange(ApiClient api, Credentials.Basic password, String lifetime) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", nameForThisMachine());
        body.put("lifetime", lifetime);
        ApiResponse created;
        try {
            created = api.post("/api/tokens", body);
        } catch (ApiException refused) {
            throw refusal(api, password, refused);
        }
        JsonNode answer = created.body();
        String secret = answer.path("secret").asText("");
        String id = answer.path("info").path("id").asText("");
        if (secret.isBlank() || id.isBlank()) {
            throw new CliException(
                    ExitCode.ERROR,
                    api.server() + " answered the token request without a token; nothing was stored",
                    "check that --server names a Countersign service");
        }
        JsonNode expires = answer.path("info").path("expiresAt");
        return new IssuedToken(
                id,
                answer.path("info").path("name").asText(body.get("name")),
                secret,
                expires.isTextual() ? expires.asText() : null);
    }

    /** When it expires, as a phrase. */
    String expiry() {
        return expiresAt == null ? "it does not expire" : "expires " + expiresAt;
    }

    private static CliException refusal(ApiClient api, Credentials.Basic password, ApiException refused) {
        if (refused.status() == 401) {
            return LoginCommand.refusedCredentials(api, password, refused);
        }
        if (refused.noSuchEndpoint()) {
            return refused.withHint("this server issues no API tokens: log in with --store-password");
        }
        if (refused.status() == 400) {
            return refused.withHint("give --token-lifetime as an ISO-8601 duration, e.g. P30D or PT12H");
        }
        if (refused.status() == 403) {
            return refused.withHint("log in with a token from your identity provider: --token-stdin");
        }
        return refused;
    }

    private static String nameForThisMachine() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "an unnamed machine");
        }
        String name = "countersign CLI on " + host;
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH);
    }
}
