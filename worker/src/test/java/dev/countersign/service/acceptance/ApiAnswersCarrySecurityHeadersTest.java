package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every answer of the running service, refusals included, carries the standard security headers. */
class ApiAnswersCarrySecurityHeadersTest extends AcceptanceTest {

    @Test
    void apiAnswerCarriesTheStandardHeaders() {
        Reply reply = desk.as("dave").get("/api/tasks?limit=1");

        assertThat(reply.status()).isEqualTo(200);
        assertStandardHeaders(reply);
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(reply.header("Strict-Transport-Security"))
                .as("HSTS only over HTTPS")
                .isEmpty();
        assertThat(reply.header("Set-Cookie")).isEmpty();
    }

    @Test
    void refusalsCarryThemToo() {
        assertStandardHeaders(anonymous.get("/api/approvals"));
        assertStandardHeaders(desk.as("dave").get("/actuator/prometheus"));
        assertStandardHeaders(desk.as("dave").get("/api/tasks/no-such-task"));
    }

    private static void assertStandardHeaders(Reply reply) {
        assertThat(reply.header("X-Content-Type-Options")).as(reply.request()).isEqualTo("nosniff");
        assertThat(reply.header("X-Frame-Options")).as(reply.request()).isEqualTo("DENY");
        assertThat(reply.header("Referrer-Policy")).as(reply.request()).isEqualTo("same-origin");
    }
}
