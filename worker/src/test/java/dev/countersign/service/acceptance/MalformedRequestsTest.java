package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.acceptance.RawHttp.Answer;
import dev.countersign.service.acceptance.RawHttp.BodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every malformed request issue 11 found, sent over a raw socket to the running service: each is
 * answered with the right 4xx as application/problem+json with the API's security headers, whichever
 * layer refused it (Tomcat, Spring Security's firewall, the filters at the door or Spring MVC), and
 * no answer shows a stack trace or the server's name.
 */
class MalformedRequestsTest extends AcceptanceTest {

    private static final int TEN_MB = 10 * 1024 * 1024;

    private RawHttp raw;

    @BeforeEach
    void rawSocket() {
        raw = new RawHttp(port);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // Spring Security's firewall
                refused("a double slash", get("/api//tasks"), 400, "RequestRejected"),
                refused("a semicolon", get("/api/tasks;jsessionid=1"), 400, "RequestRejected"),
                refused("an encoded dot", get("/api/%2e/tasks"), 400, "RequestRejected"),
                refused("an unknown method", request("FOO /api/tasks", "dave"), 405, "MethodNotAllowed"),
                // Tomcat, before any filter
                refused("an encoded NUL", get("/api/tasks%00"), 400, "MalformedRequest"),
                refused("an encoded slash", get("/api/tasks%2Fx"), 400, "MalformedRequest"),
                refused("a 9 KB path", get("/api/tasks/" + "a".repeat(9 * 1024)), 414, "UriTooLong"),
                refused(
                        "a 20 KB header",
                        request("GET /api/tasks", "dave", "X-Padding: " + "a".repeat(20 * 1024)),
                        431,
                        "HeadersTooLarge"),
                refused("an encoded NUL on a console page", get("/inbox%00"), 400, "MalformedRequest"),
                refused(
                        "an HTTP version other than 1.x",
                        "GET /api/tasks HTTP/2.0\r\nHost: localhost\r\n\r\n",
                        400,
                        "MalformedRequest"),
                refused(
                        "a transfer coding Tomcat does not know",
                        withBody("POST /api/tasks", "dave", "application/json", "{}", "Transfer-Encoding: gzip"),
                        400,
                        "MalformedRequest"),
                // the filters at the door
                refused("a nameless query parameter on tasks", get("/api/tasks?=5"), 400, "MalformedParameters"),
                refused("a nameless query parameter on tokens", get("/api/tokens?=5"), 400, "MalformedParameters"),
                refused(
                        "a nameless query parameter on the policy's record",
                        get("/api/policy/stats?=5"),
                        400,
                        "MalformedParameters"),
                refused("a nameless query parameter on a console page", get("/tasks?=5"), 400, "MalformedParameters"),
                // Spring MVC
                refused(
                        "multipart without a boundary to a JSON endpoint",
                        withBody("POST /api/tasks", "dave", "multipart/form-data", "--x--"),
                        415,
                        null),
                refused(
                        "multipart without a boundary to an endpoint with an optional body",
                        withBody("POST /api/tasks/no-such-task/cancel", "dave", "multipart/form-data", "--x--"),
                        415,
                        null),
                refused(
                        "a non-ASCII idempotency key",
                        withBody(
                                "POST /api/approvals/no-such-approval/decision",
                                "alice",
                                "application/json",
                                "{\"decision\":\"approve\"}",
                                "Idempotency-Key: caf\u00c3\u00a9"),
                        400,
                        "InvalidRequest"),
                refused(
                        "an idempotency key with a byte the firewall refuses",
                        withBody(
                                "POST /api/approvals/no-such-approval/decision",
                                "alice",
                                "application/json",
                                "{\"decision\":\"approve\"}",
                                "Idempotency-Key: \u00e2\u0082\u00ac"),
                        400,
                        "RequestRejected"),
                refused(
                        "a token lifetime beyond what an instant holds",
                        withBody(
                                "POST /api/tokens",
                                "dave",
                                "application/json",
                                "{\"name\":\"x\",\"lifetime\":\"PT2562047788015215H\"}"),
                        400,
                        "InvalidRequest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isAProblemWithTheSecurityHeaders(String what, String request, int status, String code) {
        Answer answer = raw.send(request);

        assertThat(answer.status()).as(what).isEqualTo(status);
        assertProblemWithHeaders(answer, status, code);
        if (status == 405) {
            assertThat(answer.header("Allow")).contains("GET", "POST").doesNotContain("FOO");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooLarge")
    void aBodyOverTheLimitIs413BeforeItIsRead(String what, byte[] head, BodyWriter body) {
        Answer answer = raw.send(head, body);

        assertProblemWithHeaders(answer, 413, "RequestTooLarge");
        assertThat(json(answer).path("detail").asString()).contains("countersign.limits.max-request-body = 256KB");
        assertThat(answer.header("Connection")).isEqualTo("close");
    }

    static Stream<Arguments> tooLarge() {
        byte[] goal = ("{\"agent\":\"support\",\"goal\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of(
                        "a 10 MB body that declares its length",
                        head("POST /api/tasks", "Content-Type: application/json", "Content-Length: " + TEN_MB),
                        (BodyWriter) out -> repeat(out, TEN_MB)),
                Arguments.of(
                        "a chunked 10 MB body",
                        head("POST /api/tasks", "Content-Type: application/json", "Transfer-Encoding: chunked"),
                        (BodyWriter) out -> chunked(out, TEN_MB)),
                Arguments.of(
                        "a 3 MB goal",
                        head("POST /api/tasks", "Content-Type: application/json", "Content-Length: " + goal.length),
                        (BodyWriter) out -> out.write(goal)),
                Arguments.of(
                        "a chunked 3 MB form to a console page",
                        head(
                                "POST /tasks",
                                "Content-Type: application/x-www-form-urlencoded",
                                "Transfer-Encoding: chunked"),
                        (BodyWriter) out -> chunked(out, 3 * 1024 * 1024)));
    }

    private static void assertProblemWithHeaders(Answer answer, int status, String code) {
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(answer.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(answer.header("Server")).isNull();
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "Tomcat", "Apache", "<html", "trace", "Servlet");
        JsonNode problem = json(answer);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        if (code != null) {
            assertThat(problem.path("code").asString()).isEqualTo(code);
        }
    }

    private static JsonNode json(Answer answer) {
        return ApiClient.JSON.readTree(answer.body());
    }

    private static Arguments refused(String what, String request, int status, String code) {
        return Arguments.of(what, request, status, code);
    }

    private static String get(String target) {
        return request("GET " + target, "dave");
    }

    private static String withBody(
            String requestLine, String user, String contentType, String body, String... headers) {
        String[] lines = Arrays.copyOf(headers, headers.length + 2);
        lines[headers.length] = "Content-Type: " + contentType;
        lines[headers.length + 1] = "Content-Length: " + body.getBytes(StandardCharsets.ISO_8859_1).length;
        return request(requestLine, user, lines) + body;
    }

    /** A request line, Basic credentials of {@code user}, the header lines given and the empty line. */
    private static String request(String requestLine, String user, String... headers) {
        StringBuilder request = new StringBuilder(requestLine + " HTTP/1.1\r\n")
                .append("Host: localhost\r\n")
                .append("Authorization: ")
                .append(RawHttp.basic(user))
                .append("\r\n")
                .append("Connection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    private static byte[] head(String requestLine, String... headers) {
        return request(requestLine, "dave", headers).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void repeat(OutputStream out, int bytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'a');
        out.write("{\"agent\":\"support\",\"goal\":\"".getBytes(StandardCharsets.US_ASCII));
        for (int written = 0; written < bytes; written += block.length) {
            out.write(block);
        }
    }

    private static void chunked(OutputStream out, int bytes) throws IOException {
        byte[] start = "{\"agent\":\"support\",\"goal\":\"".getBytes(StandardCharsets.US_ASCII);
        out.write((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(start);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'a');
        for (int written = 0; written < bytes; written += block.length) {
            out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(block);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
