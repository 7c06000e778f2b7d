package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Criterion 11: load balancers read health without credentials, and with stale ones; operators who
 * sign in see the details, which never show the service's working directory; metrics stay for
 * operators.
 */
class HealthIsPublicTest extends AcceptanceTest {

    @Test
    void healthAnswersWithoutCredentials() {
        Reply reply = anonymous.get("/actuator/health");

        assertThat(reply.ok(200).path("status").asString()).isEqualTo("UP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void aWrongPasswordGetsTheAnswerAnyoneGets(String path) {
        JsonNode health =
                anonymous.withCredentials("olga", "stale-password").get(path).ok(200);

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
    }

    @Test
    void anInvalidBearerTokenGetsTheAnswerAnyoneGets() {
        JsonNode health = anonymous
                .bearer("cs_revoked0_notarealsecret")
                .get("/actuator/health")
                .ok(200);

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
    }

    @Test
    void operatorsSeeTheDetailsButNotTheWorkingDirectory() {
        JsonNode health = desk.as("olga").get("/actuator/health").ok(200);

        JsonNode disk = health.path("components").path("diskSpace");
        assertThat(disk.path("status").asString()).isEqualTo("UP");
        assertThat(disk.path("details").has("free")).isTrue();
        assertThat(disk.path("details").has("threshold")).isTrue();
        assertThat(disk.path("details").has("path")).isFalse();
        assertThat(health.toString()).doesNotContain(System.getProperty("user.dir"));
    }

    @Test
    void otherUsersSeeNoDetails() {
        JsonNode health = desk.as("alice").get("/actuator/health").ok(200);

        assertThat(health.has("components")).isFalse();
    }

    @Test
    void prometheusNeedsAnOperator() {
        anonymous.get("/actuator/prometheus").problem(401, "Unauthenticated");
        desk.as("alice").get("/actuator/prometheus").problem(403, "AccessDenied");
        anonymous
                .withCredentials("olga", "stale-password")
                .get("/actuator/prometheus")
                .problem(401, "Unauthenticated");
    }
}
