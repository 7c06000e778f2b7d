package dev.countersign.task;

import dev.countersign.agent.JsonValues;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What starts an agent task: its id (the workflow id), the agent profile, the goal, the input, the
 * authenticated requester, who may never approve their own task, and the agent's step budget.
 */
public record TaskStart(
        String taskId, String agent, String goal, Map<String, Object> input, String requester, StepBudget budget) {

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
    }

    /** A start under the default step budget. */
    public TaskStart(String taskId, String agent, String goal, Map<String, Object> input, String requester) {
        this(taskId, agent, goal, input, requester, StepBudget.DEFAULT);
    }

    /** This start under another step budget. */
    public TaskStart withBudget(StepBudget newBudget) {
        return new TaskStart(taskId, agent, goal, input, requester, newBudget);
    }

    /** True when a second start with this content is the same request as this one. */
    public boolean sameRequestAs(TaskStart other) {
        return agent.equals(other.agent) && goal.equals(other.goal) && input.equals(other.input);
    }
}
