package dev.countersign.task;

import dev.countersign.agent.TranscriptKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.review.AttentionKind;
import dev.countersign.review.AttentionRequest;
import dev.countersign.tool.ToolActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Tool calls whose outcome is unknown: a tool that is not idempotent may have run before its worker
 * stopped, so it is never run again. The action waits, OUTCOME_UNKNOWN and the task NEEDS_ATTENTION,
 * until an operator says it was done (it counts as executed) or not done (it failed); the agent hears
 * which. Workflow code only: the check is pure so the validator can run it.
 */
final class UnknownOutcomes {

    /** The version marker of holding a call of unknown outcome for an operator instead of failing it. */
    static final String OUTCOME_UNKNOWN = "outcome-unknown";

    private static final Logger log = Workflow.getLogger(UnknownOutcomes.class);

    private final TaskState state;
    private final TaskBoard board;

    UnknownOutcomes(TaskState state, TaskBoard board) {
        this.state = state;
        this.board = board;
    }

    /**
     * Whether the tool activity refused to run the call again because its outcome is unknown. A run
     * recorded before this version failed such a call as any other, and replays so.
     */
    static boolean unknown(ActivityFailure failure) {
        return failure.getCause() instanceof ApplicationFailure cause
                && ToolActivities.OUTCOME_UNKNOWN.equals(cause.getType())
                && Workflow.getVersion(OUTCOME_UNKNOWN, Workflow.DEFAULT_VERSION, 1) == 1;
    }

    /** Marks the action for operators and waits, without limit, for their answer or a cancellation. */
    void awaitOperator(ActionRecord action, String why) {
        action.state = ActionState.OUTCOME_UNKNOWN;
        action.error = why;
        TaskStatus before = state.status;
        board.status(TaskStatus.NEEDS_ATTENTION);
        TaskMetrics.toolExecution(action.call.tool(), "outcome_unknown");
        log.warn(
                "task {} action {}: the outcome of {} is unknown and it is not idempotent; operators must say"
                        + " whether it was done: {}",
                state.start.taskId(),
                action.actionId,
                action.call.tool(),
                why);
        Workflow.await(() -> action.state != ActionState.OUTCOME_UNKNOWN || state.cancellation != null);
        if (state.status == TaskStatus.NEEDS_ATTENTION) {
            board.status(before);
        }
    }

    /** Refuses an answer to an action whose outcome is known, or one without a comment. */
    void check(ActionRecord action, AttentionRequest request) {
        if (action.state != ActionState.OUTCOME_UNKNOWN) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_APPLICABLE,
                    "action " + action.actionId + " (" + action.call.tool()
                            + ") has no unknown outcome to settle: it is " + action.state);
        }
        if (request.comment().isBlank()) {
            throw DecisionRefusal.of(
                    DecisionRefusal.INVALID_DECISION,
                    "saying whether a call was done needs a comment saying how you know");
        }
    }

    /** Settles the action as the operator says, and tells the agent. */
    void settle(ActionRecord action, AttentionRequest request) {
        String operator = request.operatorName();
        if (request.kind() == AttentionKind.DONE) {
            Map<String, Object> confirmed = new LinkedHashMap<>();
            confirmed.put("outcome", "done");
            confirmed.put("confirmedBy", operator);
            confirmed.put("comment", request.comment());
            confirmed.put(
                    "note",
                    "the call's outcome was unknown after its worker stopped; an operator confirmed it was done,"
                            + " so there is no tool output");
            action.result = confirmed;
            action.error = null;
            action.state = ActionState.EXECUTED;
            TaskMetrics.toolExecution(action.call.tool(), "confirmed_done");
            ToolCalls.tell(state, TranscriptKind.TOOL_RESULT, action, confirmed, null, operator);
        } else {
            action.error = "not done, says operator " + operator + ": " + request.comment();
            action.state = ActionState.FAILED;
            TaskMetrics.toolExecution(action.call.tool(), "confirmed_not_done");
            ToolCalls.tell(state, TranscriptKind.TOOL_FAILED, action, null, action.error, operator);
        }
        log.info(
                "task {} action {}: unknown outcome settled as {} by {}",
                state.start.taskId(),
                action.actionId,
                action.state,
                operator);
    }
}
