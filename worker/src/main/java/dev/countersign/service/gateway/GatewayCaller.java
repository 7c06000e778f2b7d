package dev.countersign.service.gateway;

import dev.countersign.payload.Digests;
import dev.countersign.task.TaskStart;
import java.time.Duration;

/**
 * Who calls through the gateway and where their gated calls go: the token's owner, the MCP session,
 * the task the {@code Countersign-Task} header names (null without it: the session is the task), and
 * the service's address as the caller reached it, for console links.
 */
record GatewayCaller(String requester, String session, String namedTask, String serviceUrl) {

    static final String TASK_HEADER = "Countersign-Task";

    /** The task of this caller's gated calls: the one the header names, else one per MCP session. */
    String taskId() {
        return namedTask != null
                ? namedTask
                : "mcp-" + (session == null ? Digests.sha256Hex(requester).substring(0, 32) : session);
    }

    /**
     * The start of that task when none is running; an invalid header value is refused here, with the
     * rule it broke.
     */
    TaskStart taskStart(Duration idle) {
        String goal = namedTask != null
                ? "tool calls of MCP clients naming task " + namedTask + " (" + TASK_HEADER + ")"
                : "tool calls of MCP session " + session;
        try {
            return TaskStart.external(taskId(), GatewayCalls.AGENT, goal, requester, idle);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("the " + TASK_HEADER + " header: " + invalid.getMessage(), invalid);
        }
    }

    /**
     * The start of {@code taskId}, this caller's task or one an identical call of the same requester
     * opened the gate in, when none is running.
     */
    TaskStart taskStart(String taskId, Duration idle) {
        return taskId.equals(taskId())
                ? taskStart(idle)
                : TaskStart.external(
                        taskId, GatewayCalls.AGENT, "tool calls of MCP gateway task " + taskId, requester, idle);
    }

    /** A link to a page of the console, as this caller reaches the service. */
    String consoleLink(String path) {
        return serviceUrl + path;
    }
}
