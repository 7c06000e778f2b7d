package dev.countersign.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Who may use /mcp: a bearer token of a user who may start tasks, sent from no browser or an allowed
 * origin. Everyone else is refused before MCP sees the request, and told how to authenticate.
 */
class GatewayAdmitsOnlyRequestersTest extends GatewayTest {

    @Test
    void noTokenIs401WithTheProtectedResourceMetadataChallenge() {
        HttpResponse<String> refused = initialize("2025-06-18");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer resource_metadata=\"http://127.0.0.1:" + port
                        + "/.well-known/oauth-protected-resource\"");
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void tokenOfAUserWhoMayNotStartTasksIs403() {
        HttpResponse<String> refused = initialize("2025-06-18", "Authorization", "Bearer " + token("alice"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void foreignBrowserOriginIs403EvenWithAGoodToken() {
        String token = token("dave");

        HttpResponse<String> foreign =
                initialize("2025-06-18", "Authorization", "Bearer " + token, "Origin", "https://evil.example");
        HttpResponse<String> allowed = initialize(
                "2025-06-18", "Authorization", "Bearer " + token, "Origin", "https://console.countersign.test");

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("https://evil.example");
        assertThat(allowed.statusCode()).isEqualTo(200);
    }

    @Test
    void withoutOidcTheMetadataNamesTheResourceAndNoAuthorizationServer() {
        HttpResponse<String> metadata =
                send(java.net.http.HttpRequest.newBuilder(url("/.well-known/oauth-protected-resource")));

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(metadata.body()).path("resource").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/mcp");
        assertThat(metadata.body()).doesNotContain("authorization_servers");
    }
}
