package dev.countersign.activities.notify;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Sees how each activity attempt ended: the attempt number and what it threw, if anything. */
final class AttemptRecorder extends WorkerInterceptorBase {

    record Attempt(int number, RuntimeException thrown) {}

    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInboundCallsInterceptorBase(next) {
            private int attempt;

            @Override
            public void init(ActivityExecutionContext context) {
                attempt = context.getInfo().getAttempt();
                super.init(context);
            }

            @Override
            public ActivityOutput execute(ActivityInput input) {
                try {
                    ActivityOutput output = super.execute(input);
                    attempts.add(new Attempt(attempt, null));
                    return output;
                } catch (RuntimeException e) {
                    attempts.add(new Attempt(attempt, e));
                    throw e;
                }
            }
        };
    }
}
