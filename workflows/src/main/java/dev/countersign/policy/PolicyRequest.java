package dev.countersign.policy;

import dev.countersign.agent.JsonValues;
import dev.countersign.agent.ToolCall;
import java.util.Map;

/**
 * A tool call with the task context the policy's conditions may read; {@code actionId} identifies
 * the call within its task, so a review sample is reproducible per action (null in requests
 * recorded before it existed). {@code agentRuns}: the agent runs the tool itself (the gate API), so a
 * tool Countersign does not know is judged by its name, with no schema to check.
 */
public record PolicyRequest(
        String taskId,
        String agent,
        String requester,
        Map<String, Object> input,
        ToolCall call,
        String actionId,
        boolean agentRuns) {

    public PolicyRequest(String taskId, String agent, String requester, Map<String, Object> input, ToolCall call) {
        this(taskId, agent, requester, input, call, null, false);
    }

    /** A request about a call of a tool Countersign runs. */
    public PolicyRequest(
            String taskId, String agent, String requester, Map<String, Object> input, ToolCall call, String actionId) {
        this(taskId, agent, requester, input, call, actionId, false);
    }

    public PolicyRequest {
        if (call == null) {
            throw new IllegalArgumentException("a policy request needs a tool call");
        }
        input = input == null ? Map.of() : JsonValues.immutableCopy(input);
    }
}
