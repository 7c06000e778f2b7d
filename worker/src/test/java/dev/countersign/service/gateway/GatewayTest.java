package dev.countersign.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.tool.mcp.ReferenceServers;
import dev.countersign.service.CountersignApplication;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service with its MCP gateway in front of the reference "everything" and filesystem servers
 * (over stdio, as the gateway's upstreams {@code everything} and {@code files}), under the policy of
 * gateway/gateway-policy.yaml. Subclasses share one application context.
 */
@SpringBootTest(classes = CountersignApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("acceptance")
abstract class GatewayTest {

    static final String PASSWORD = "acceptance-secret";
    static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"%s",\
            "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(6);
    static Path sandbox;

    @LocalServerPort
    int port;

    @BeforeAll
    static void referenceServersAreInstalled() {
        ReferenceServers.entryPoint("server-everything"); // skips, saying why, where npm could not install them
        ReferenceServers.entryPoint("server-filesystem");
    }

    @DynamicPropertySource
    static void gatewayInFrontOfReferenceServers(DynamicPropertyRegistry registry) throws IOException {
        sandbox = Files.createTempDirectory("countersign-gateway").toRealPath();
        sandbox.toFile().deleteOnExit();
        Files.writeString(sandbox.resolve("notes.txt"), "first line\n");
        int temporalPort = freeLoopbackPort();
        registry.add("countersign.embedded-temporal.port", () -> temporalPort);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:gateway-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("TEMPORAL_ADDRESS", () -> "");
        registry.add("countersign.policy.location", () -> "classpath:gateway/gateway-policy.yaml");
        registry.add("countersign.gateway.servers.everything.command", () -> "node");
        registry.add(
                "countersign.gateway.servers.everything.args[0]",
                () -> ReferenceServers.entryPoint("server-everything"));
        registry.add("countersign.gateway.servers.everything.args[1]", () -> "stdio");
        registry.add("countersign.gateway.servers.everything.tools[0]", () -> "echo");
        registry.add("countersign.gateway.servers.everything.tools[1]", () -> "get-sum");
        registry.add("countersign.gateway.servers.files.command", () -> "node");
        registry.add(
                "countersign.gateway.servers.files.args[0]", () -> ReferenceServers.entryPoint("server-filesystem"));
        registry.add("countersign.gateway.servers.files.args[1]", sandbox::toString);
        registry.add("countersign.gateway.allowed-origins[0]", () -> "https://console.countersign.test");
        // Short enough for the tests of calls that outlast them, long enough for a reviewer in a test.
        registry.add("countersign.gateway.wait", () -> WAIT.toString());
        registry.add("countersign.gateway.consent-ttl", () -> "PT8S");
    }

    /** A new API token of {@code user}, made with the user's password. */
    String token(String user) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = send(HttpRequest.newBuilder(url("/api/tokens"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"mcp-" + UUID.randomUUID() + "\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("secret").asString();
    }

    /** An MCP client of the gateway, initialized, sending {@code token}. */
    McpSyncClient client(String token) {
        return client(token, Duration.ofSeconds(20));
    }

    /**
     * An MCP client of the gateway, initialized, sending {@code token} and the given headers (name,
     * value, ...), that gives up on a request after {@code timeout}.
     */
    McpSyncClient client(String token, Duration timeout, String... headers) {
        return client(token, timeout, progress -> {}, headers);
    }

    /** The same, hearing the progress notifications of its calls. */
    McpSyncClient client(
            String token, Duration timeout, Consumer<McpSchema.ProgressNotification> progress, String... headers) {
        HttpRequest.Builder requests = HttpRequest.newBuilder().header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) {
            requests.header(headers[i], headers[i + 1]);
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://127.0.0.1:" + port)
                .endpoint(GatewayConfiguration.ENDPOINT)
                .requestBuilder(requests)
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .progressConsumer(progress)
                .requestTimeout(timeout)
                .initializationTimeout(Duration.ofSeconds(20))
                .build();
        client.initialize();
        return client;
    }

    /** An initialize request as a client's first POST, with the given headers (name, value, ...). */
    HttpResponse<String> initialize(String protocolVersion, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(GatewayConfiguration.ENDPOINT))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE.formatted(protocolVersion)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded Temporal server", e);
        }
    }
}
