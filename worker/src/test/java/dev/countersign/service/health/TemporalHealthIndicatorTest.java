package dev.countersign.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class TemporalHealthIndicatorTest {

    @Test
    void upWhileTemporalAnswers() {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
        try {
            Health health = new TemporalHealthIndicator(
                            env.getWorkflowServiceStubs(), "in-process", Duration.ofSeconds(2))
                    .health(true);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("target", "in-process");
        } finally {
            env.close();
        }
    }

    @Test
    void downWithTheReasonWhenNothingAnswers() throws IOException {
        String target = "127.0.0.1:" + closedPort();
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        try {
            Health health = new TemporalHealthIndicator(stubs, target, Duration.ofMillis(500)).health(true);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("target", target);
            assertThat(String.valueOf(health.getDetails().get("error")))
                    .contains("Temporal did not answer within PT0.5S");
        } finally {
            stubs.shutdownNow();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
