package dev.countersign.task;

import dev.countersign.agent.ToolCall;
import dev.countersign.payload.PayloadBounds;
import dev.countersign.policy.PolicyActivities;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;

/** Asks the policy activity for its verdict on a call of this task (a proposal or an edit). */
final class Verdicts {

    private final TaskState state;
    private final PolicyActivities policy;

    Verdicts(TaskState state, PolicyActivities policy) {
        this.state = state;
        this.policy = policy;
    }

    PolicyVerdict evaluate(ToolCall call, String actionId) {
        TaskStart start = state.start;
        ActionRecord action = state.findAction(actionId);
        return policy.evaluatePolicy(new PolicyRequest(
                start.taskId(),
                start.agent(),
                start.requester(),
                PayloadBounds.json(start.input(), PayloadBounds.MAX_VALUE_BYTES),
                call,
                actionId,
                action != null && action.agentRuns));
    }
}
