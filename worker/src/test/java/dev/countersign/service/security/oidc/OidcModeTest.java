package dev.countersign.service.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.countersign.service.CountersignApplication;
import dev.countersign.service.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Production mode, end to end: the whole service (embedded Temporal, worker, demo agent) accepts
 * JWTs of an OIDC provider, here a locally generated RSA key whose JWK set a small HTTP server
 * publishes, with groups from the {@code groups} claim; HTTP Basic is off. It boots its own
 * context, so it lives apart from the acceptance package, whose classes share one.
 */
@SpringBootTest(
        classes = CountersignApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "countersign.security.basic.enabled=false",
            "countersign.security.oidc.issuer-uri=" + OidcModeTest.ISSUER,
            "countersign.demo.review-sample=0",
        })
@ActiveProfiles("acceptance")
class OidcModeTest {

    static final String ISSUER = "https://login.countersign.test/realms/demo";
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final RSAKey KEY = rsaKey();
    private static final RSAKey STRANGER = rsaKey();
    private static final HttpServer JWKS = jwksServer(KEY);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownServersAndJwkSet(DynamicPropertyRegistry registry) {
        int temporalPort = freeLoopbackPort();
        registry.add("countersign.embedded-temporal.port", () -> temporalPort);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:oidc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("TEMPORAL_ADDRESS", () -> "");
        registry.add(
                "countersign.security.oidc.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    @Test
    void supportLeadWithAJwtApprovesARefundAnAgentStartedWithAJwt() {
        String dave = jwtOf("dave", List.of("support-agents"));
        String taskId = start(dave);
        String digest = awaitApproval(dave, taskId);

        Answer decided = decide(jwtOf("alice", List.of("support-leads")), taskId, "approve", digest);

        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        assertThat(decided.json().path("state").asString()).isEqualTo("APPROVED");
        JsonNode task =
                await(dave, taskId, t -> "COMPLETED".equals(t.path("status").asString()));
        assertThat(task.path("requester").asString()).isEqualTo("dave");
        assertThat(task.toString()).contains("\"reviewer\":\"alice\"");
    }

    @Test
    void requesterWithAJwtCannotApproveEvenWhenInTheApproversGroup() {
        String dave = jwtOf("dave", List.of("support-agents", "support-leads"));
        String taskId = start(dave);
        String digest = awaitApproval(dave, taskId);

        assertProblem(decide(dave, taskId, "approve", digest), 403, "RequesterCannotDecide");

        cleanUp(taskId, digest);
    }

    @Test
    void reviewerOfAnotherGroupCannotDecide() {
        String dave = jwtOf("dave", List.of("support-agents"));
        String taskId = start(dave);
        String digest = awaitApproval(dave, taskId);

        // The groups claim decides the read scope as well: finance was never named by this task's policy.
        assertProblem(decide(jwtOf("bob", List.of("finance")), taskId, "approve", digest), 404, "ApprovalNotFound");
        assertProblem(get(jwtOf("bob", List.of("finance")), "/api/tasks/" + taskId), 404, "TaskNotFound");
        assertProblem(decide(jwtOf("olga", List.of("operators")), taskId, "approve", digest), 403, "NotAnApprover");

        cleanUp(taskId, digest);
    }

    @Test
    void jwtWithoutAGroupsClaimNeitherReadsNorStartsNorDecides() {
        String erin = jwt(KEY, claims -> claims.subject("erin"));
        String dave = jwtOf("dave", List.of("support-agents"));
        String taskId = start(dave);
        String digest = awaitApproval(dave, taskId);

        assertProblem(get(erin, "/api/tasks/" + taskId), 404, "TaskNotFound");
        assertProblem(decide(erin, taskId, "approve", digest), 404, "ApprovalNotFound");
        assertProblem(post(erin, "/api/tasks", refundTask("by-erin-" + UUID.randomUUID())), 403, "NotARequester");
        assertThat(get(erin, "/api/approvals").json().isEmpty()).isTrue();

        cleanUp(taskId, digest);
    }

    @Test
    void jwtOfAnotherIssuerIsRefused() {
        Answer answer =
                get(jwt(KEY, claims -> claims.subject("alice").issuer("https://evil.example.com")), "/api/approvals");

        assertProblem(answer, 401, "InvalidToken");
        assertThat(answer.header("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"countersign\", error=\"invalid_token\"");
        assertThat(answer.json().path("detail").asString()).contains("iss");
    }

    @Test
    void expiredJwtIsRefused() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        Answer answer = get(
                jwt(
                        KEY,
                        claims -> claims.subject("alice")
                                .issueTime(Date.from(anHourAgo.minus(Duration.ofMinutes(5))))
                                .expirationTime(Date.from(anHourAgo))),
                "/api/approvals");

        assertProblem(answer, 401, "InvalidToken");
        assertThat(answer.json().path("detail").asString()).contains("expired");
    }

    @Test
    void jwtSignedWithAnotherKeyOrNoJwtAtAllIsRefused() {
        String forged = jwt(STRANGER, claims -> claims.subject("alice").claim("groups", List.of("support-leads")));

        assertProblem(get(forged, "/api/approvals"), 401, "InvalidToken");
        assertProblem(get("not.a.jwt", "/api/approvals"), 401, "InvalidToken");
    }

    @Test
    void basicIsOffAndTheChallengeAsksForABearerToken() {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString("alice:acceptance-secret".getBytes(StandardCharsets.UTF_8));

        Answer withBasic =
                send(request("/api/approvals").header("Authorization", basic).GET());
        Answer without = send(request("/api/approvals").GET());

        assertProblem(withBasic, 401, "Unauthenticated");
        assertProblem(without, 401, "Unauthenticated");
        assertThat(without.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"countersign\"");
        assertThat(without.json().path("detail").asString()).contains("bearer token");
    }

    @Test
    void configuredUserWithAJwtMayCreateAnApiTokenThatWorksBesideIt() {
        Answer created = post(jwtOf("alice", List.of("support-leads")), "/api/tokens", Map.of("name", "alice-cli"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(get(created.json().path("secret").asString(), "/api/approvals")
                        .status())
                .isEqualTo(200);
        assertProblem(
                post(jwtOf("erin", List.of("support-leads")), "/api/tokens", Map.of("name", "erin-cli")),
                403,
                "NotALocalUser");
    }

    private record Answer(int status, java.net.http.HttpHeaders headers, String text, JsonNode json) {
        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asString()).as(answer.text()).isEqualTo(code);
        assertThat(answer.text()).doesNotContain("Exception");
    }

    private String start(String requester) {
        String taskId = "oidc-" + UUID.randomUUID();
        Answer started = post(requester, "/api/tasks", refundTask(taskId));
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        return taskId;
    }

    private String awaitApproval(String reader, String taskId) {
        String approvalId = taskId + ".a2";
        return await(
                        reader,
                        taskId,
                        task -> approvalId.equals(task.path("pendingApprovalId").asString()))
                .path("pendingApproval")
                .path("argsDigest")
                .asString();
    }

    private JsonNode await(String reader, String taskId, Predicate<JsonNode> condition) {
        return Eventually.until(
                "task " + taskId + " gets there",
                DEADLINE,
                Duration.ofMillis(50),
                () -> get(reader, "/api/tasks/" + taskId).json(),
                condition);
    }

    private Answer decide(String token, String taskId, String decision, String digest) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("argsDigest", digest);
        if (decision.equals("reject")) {
            body.put("comment", "test clean-up");
        }
        return post(token, "/api/approvals/" + taskId + ".a2/decision", body);
    }

    private void cleanUp(String taskId, String digest) {
        Answer rejected = decide(jwtOf("alice", List.of("support-leads")), taskId, "reject", digest);
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
    }

    private static Map<String, Object> refundTask(String taskId) {
        return Map.of(
                "taskId",
                taskId,
                "agent",
                "support",
                "goal",
                "Refund the duplicate charge on order A-1.",
                "input",
                Map.of(
                        "orderId", "A-1",
                        "amount", 250,
                        "currency", "USD",
                        "customer", "customer@example.com",
                        "reason", "charged twice for order A-1"));
    }

    private Answer get(String token, String path) {
        return send(request(path).header("Authorization", "Bearer " + token).GET());
    }

    private Answer post(String token, String path, Object body) {
        return send(request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
            return new Answer(response.statusCode(), response.headers(), text, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String jwtOf(String user, List<String> groups) {
        return jwt(
                KEY,
                claims -> claims.subject("id-of-" + user)
                        .claim("preferred_username", user)
                        .claim("groups", groups));
    }

    private static String jwt(RSAKey key, Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        claims.accept(builder);
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    // Both keys share the key id, so the stranger's signature is checked against the published key.
    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("countersign-test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwksServer(RSAKey key) {
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
