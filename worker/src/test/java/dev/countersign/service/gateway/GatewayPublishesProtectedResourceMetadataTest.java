package dev.countersign.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.CountersignApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * In OIDC mode the gateway publishes its protected resource metadata (RFC 9728) without
 * authentication, naming itself and the issuer, so an MCP client that does OAuth finds where to log in.
 * The issuer's keys are fetched only for a JWT, so none is served here.
 */
@SpringBootTest(
        classes = CountersignApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "countersign.security.basic.enabled=false",
            "countersign.security.oidc.issuer-uri=" + GatewayPublishesProtectedResourceMetadataTest.ISSUER,
        })
@ActiveProfiles("acceptance")
class GatewayPublishesProtectedResourceMetadataTest {

    static final String ISSUER = "https://login.countersign.test/realms/gateway";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownServers(DynamicPropertyRegistry registry) {
        int temporalPort = GatewayTest.freeLoopbackPort();
        registry.add("countersign.embedded-temporal.port", () -> temporalPort);
        registry.add(
                "spring.datasource.url", () -> "jdbc:h2:mem:gateway-oidc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("TEMPORAL_ADDRESS", () -> "");
    }

    @Test
    void metadataNamesTheMcpResourceAndTheIssuer() throws Exception {
        JsonNode body = metadata("/.well-known/oauth-protected-resource");

        assertThat(body.path("resource").asString()).isEqualTo("http://127.0.0.1:" + port + "/mcp");
        assertThat(body.path("authorization_servers").get(0).asString()).isEqualTo(ISSUER);
    }

    @Test
    void pathInsertedFormNamesTheSameResource() throws Exception {
        JsonNode body = metadata("/.well-known/oauth-protected-resource/mcp");

        assertThat(body.path("resource").asString()).isEqualTo("http://127.0.0.1:" + port + "/mcp");
        assertThat(body.path("authorization_servers").get(0).asString()).isEqualTo(ISSUER);
    }

    private JsonNode metadata(String path) throws Exception {
        HttpResponse<String> metadata = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(metadata.body());
    }

    @Test
    void mcpWithoutATokenPointsToTheMetadata() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("resource_metadata=\"http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource\"");
    }
}
