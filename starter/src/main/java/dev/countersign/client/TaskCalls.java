package dev.countersign.client;

import dev.countersign.approval.DecisionRefusal;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/**
 * Makes the facade's calls to a task's workflow, delivered across a continue-as-new ({@link
 * RunSwitch}), and turns what Temporal answers into the facade's exceptions in one place: a task that
 * is not found becomes what {@code gone} says (it ended, or never existed), and an update the workflow
 * refused becomes a {@link DecisionRefused} of the refusal's type.
 */
final class TaskCalls {

    private final RunSwitch runSwitch;

    TaskCalls(WorkflowClient client) {
        this.runSwitch = new RunSwitch(client);
    }

    /** Runs the call; an unknown approval in a refusal is a {@link TaskNotFound} here. */
    <T> T call(String taskId, Supplier<T> call, Supplier<CountersignException> gone) {
        return call(taskId, call, gone, () -> new TaskNotFound("no task " + taskId));
    }

    /** Runs the call; {@code unknownApproval} answers a refusal that names no approval of the task. */
    <T> T call(
            String taskId,
            Supplier<T> call,
            Supplier<CountersignException> gone,
            Supplier<CountersignException> unknownApproval) {
        try {
            return runSwitch.call(taskId, call);
        } catch (WorkflowNotFoundException notFound) {
            throw gone.get();
        } catch (WorkflowUpdateException refused) {
            throw refusal(refused, unknownApproval);
        }
    }

    void send(String taskId, Runnable send, Supplier<CountersignException> gone) {
        call(
                taskId,
                () -> {
                    send.run();
                    return null;
                },
                gone);
    }

    /** The refusal the workflow reported; an update that failed otherwise is rethrown as it is. */
    private static CountersignException refusal(
            WorkflowUpdateException refused, Supplier<CountersignException> unknownApproval) {
        if (!(refused.getCause() instanceof ApplicationFailure failure)) {
            throw refused;
        }
        String type = DecisionRefusal.typeOf(failure.getType());
        if (type == null) {
            throw refused;
        }
        if (type.equals(DecisionRefusal.UNKNOWN_APPROVAL)) {
            return unknownApproval.get();
        }
        return new DecisionRefused(type, failure.getOriginalMessage());
    }
}
