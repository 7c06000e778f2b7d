package dev.countersign.bench.bare;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;

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
    /** One of the search attributes scripts/temporal-server.sh registers for Countersign. */
    private static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("CountersignStatus");

    private String decision;
    private boolean shaped;

    @Override
    public void run(BareGateInput input) {
        shaped = input.countersignShaped();
        Workflow.await(() -> decision != null);
        if (shaped) {
            Workflow.upsertTypedSearchAttributes(STATUS.valueSet("RUNNING"));
            // Countersign's decision record sends its next batch within 5 s: a timer, not awaited.
            Workflow.newTimer(Duration.ofSeconds(5));
        }
        TouchActivity tool = input.local() ? local : normal;
        if (input.heartbeatFirst()) {
            tool.touchAfterHeartbeat(input.gate());
        } else {
            tool.touch(input.gate());
        }
    }

    @Override
    public String decide(String decision) {
        if (shaped) {
            // As Countersign's task board: the inbox memo and the search attributes, in the handler.
            Workflow.upsertMemo(Map.of("countersign.inbox", "decided"));
            Workflow.upsertTypedSearchAttributes(STATUS.valueSet("DECIDED"));
        }
        this.decision = decision;
        return decision;
    }
}
