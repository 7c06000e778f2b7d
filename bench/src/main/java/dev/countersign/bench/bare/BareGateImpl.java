package dev.countersign.bench.bare;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Records the decision in the update handler, then calls the tool as a normal or a local activity. */
public class BareGateImpl implements BareGate {

    private static final RetryOptions ONCE_AGAIN = RetryOptions.newBuilder()
            .setMaximumAttempts(3)
            .setInitialInterval(Duration.ofMillis(100))
            .build();

    private final TouchActivity normal = Workflow.newActivityStub(
            TouchActivity.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(ONCE_AGAIN)
                    .build());
    private final TouchActivity local = Workflow.newLocalActivityStub(
            TouchActivity.class,
            LocalActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(ONCE_AGAIN)
                    .build());
    private String decision;

    @Override
    public void run(BareGateInput input) {
        Workflow.await(() -> decision != null);
        (input.local() ? local : normal).touch(input.gate());
    }

    @Override
    public String decide(String decision) {
        this.decision = decision;
        return decision;
    }
}
