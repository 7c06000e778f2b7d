package dev.countersign.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Criterion 11: load balancers read health without credentials; metrics stay for operators. */
class HealthIsPublicTest extends AcceptanceTest {

    @Test
    void healthAnswersWithoutCredentials() {
        Reply reply = anonymous.get("/actuator/health");

        assertThat(reply.ok(200).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusNeedsAnOperator() {
        anonymous.get("/actuator/prometheus").problem(401, "Unauthenticated");
        desk.as("alice").get("/actuator/prometheus").problem(403, "AccessDenied");
    }
}
