package dev.countersign.task;

import dev.countersign.agent.JsonValues;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What starts an agent task: its id (the workflow id), the agent profile, the goal, the input, the
 * authenticated requester, who may never approve their own task, and the agent's step budget. An
 * {@code external} task runs no model: its agent runs elsewhere and submits each tool call (the MCP
 * gateway), and it ends after {@code idle} with no call and nothing waiting.
 */
public record TaskStart(
        String taskId,
        String agent,
        String goal,
        Map<String, Object> input,
        String requester,
        StepBudget budget,
        boolean external,
        Duration idle) {

    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public TaskStart {
        if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
            throw new IllegalArgumentException(
                    "taskId must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("a task needs an agent");
        }
        if (requester == null || requester.isBlank()) {
            throw new IllegalArgumentException("a task needs an authenticated requester");
        }
        goal = goal == null ? "" : goal;
        input = input == null ? Map.of() : JsonValues.immutableCopy(input);
        budget = budget == null ? StepBudget.DEFAULT : budget;
        if (external && (idle == null || idle.isNegative() || idle.isZero())) {
            throw new IllegalArgumentException("an external task needs a positive idle time");
        }
    }

    /** A start under the given step budget, of an agent task. */
    public TaskStart(
            String taskId, String agent, String goal, Map<String, Object> input, String requester, StepBudget budget) {
        this(taskId, agent, goal, input, requester, budget, false, null);
    }

    /**
     * The start of a task whose agent runs elsewhere and submits its calls; it ends once no call came
     * for {@code idle} and nothing waits.
     */
    public static TaskStart external(String taskId, String agent, String goal, String requester, Duration idle) {
        return new TaskStart(taskId, agent, goal, Map.of(), requester, StepBudget.DEFAULT, true, idle);
    }

    /** A start under the default step budget. */
    public TaskStart(String taskId, String agent, String goal, Map<String, Object> input, String requester) {
        this(taskId, agent, goal, input, requester, StepBudget.DEFAULT);
    }

    /** This start under another step budget. */
    public TaskStart withBudget(StepBudget newBudget) {
        return new TaskStart(taskId, agent, goal, input, requester, newBudget, external, idle);
    }

    /** True when a second start with this content is the same request as this one. */
    public boolean sameRequestAs(TaskStart other) {
        return agent.equals(other.agent) && goal.equals(other.goal) && input.equals(other.input);
    }
}
