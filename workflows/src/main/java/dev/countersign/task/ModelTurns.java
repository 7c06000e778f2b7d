package dev.countersign.task;

import dev.countersign.agent.AgentActivities;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ModelRequests;
import dev.countersign.agent.StepRequest;
import dev.countersign.payload.PayloadBounds;
import io.temporal.failure.ActivityFailure;

/**
 * Asks the agent model for the task's next step, sending only the transcript entries since its
 * previous call (the activity stores them and rebuilds the whole conversation), so that each step
 * adds about the same to the history however long the task runs.
 */
final class ModelTurns {

    private final TaskState state;
    private final TaskBoard board;
    private final AgentActivities agent;

    ModelTurns(TaskState state, TaskBoard board, AgentActivities agent) {
        this.state = state;
        this.board = board;
        this.agent = agent;
    }

    /** The next step, or null when the model failed and the task ended FAILED. */
    AgentStep next() {
        state.steps++;
        TaskStart start = state.start;
        StepRequest request = ModelRequests.within(
                start.taskId(),
                state.firstRunId,
                start.agent(),
                state.steps,
                state.steps == 1,
                start.goal(),
                start.input(),
                state.transcriptPosition,
                state.transcript,
                PayloadBounds.MAX_MESSAGE_BYTES);
        AgentStep step;
        try {
            step = agent.nextStep(request).within(PayloadBounds.MAX_VALUE_BYTES);
        } catch (ActivityFailure failure) {
            board.finish(TaskStatus.FAILED, "the agent model failed: " + Failures.rootMessage(failure));
            return null;
        }
        state.transcriptPosition += request.entries().size();
        state.transcript.clear();
        if (step.usage() != null) {
            state.tokens += step.tokens();
            TaskMetrics.tokens(start.agent(), step.usage());
        }
        if (state.tokens > start.budget().tokenBudget()) {
            board.finish(TaskStatus.FAILED, tokensSpent());
            return null;
        }
        return step;
    }

    private String tokensSpent() {
        return "the agent used " + state.tokens + " tokens, more than its budget of "
                + state.start.budget().tokenBudget() + " (token-budget of agent '" + state.start.agent()
                + "' in the agents file); what its last reply proposed was not done";
    }
}
