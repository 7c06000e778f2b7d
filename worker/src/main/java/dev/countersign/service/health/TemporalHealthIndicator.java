package dev.countersign.service.health;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the Temporal frontend as DOWN when it does not answer a cheap call within
 * {@code timeout}, so a load balancer and operators see at once what the API's 503s mean: every
 * task lives in Temporal, and nothing can be started, read or decided without it.
 */
public class TemporalHealthIndicator extends AbstractHealthIndicator {

    private final WorkflowServiceStubs stubs;
    private final String target;
    private final Duration timeout;

    public TemporalHealthIndicator(WorkflowServiceStubs stubs, String target, Duration timeout) {
        super("Temporal health check failed");
        this.stubs = stubs;
        this.target = target;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try {
            GetSystemInfoResponse info = stubs.blockingStub()
                    .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            builder.up().withDetail("target", target).withDetail("serverVersion", info.getServerVersion());
        } catch (StatusRuntimeException e) {
            builder.down()
                    .withDetail("target", target)
                    .withDetail("error", e.getStatus().getCode() + ": Temporal did not answer within " + timeout);
        }
    }
}
