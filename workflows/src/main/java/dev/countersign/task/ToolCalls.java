package dev.countersign.task;

import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.approval.ApprovalGate;
import dev.countersign.payload.PayloadBounds;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.TimeoutOutcome;
import dev.countersign.tool.ToolActivities;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One tool call of the agent, from proposal to outcome: the policy's verdict, then run it, refuse
 * it, or hold it for reviewers and settle it with their decision; every outcome is told to the agent
 * through the transcript. A tool runs once per action, with an idempotency key of task and action; one
 * that is not idempotent and may have run before its worker stopped waits for an operator instead.
 */
final class ToolCalls {

    /** The version marker of refusing again, unasked, a call a person refused. */
    static final String STICKY_REFUSALS = "sticky-refusals";

    /** The change after which a call goes on with the arguments its tool normalized for the policy. */
    static final String NORMALIZED_ARGS = "normalized-args";

    /** The change after which a tool registered as short and idempotent runs as a local activity. */
    static final String LOCAL_TOOLS = "local-tools";

    private final TaskState state;
    private final TaskBoard board;
    private final Verdicts verdicts;
    private final Approvals approvals;
    private final ActionReviews reviews;
    private final UnknownOutcomes unknownOutcomes;
    private final ToolActivities tools;
    private final ToolActivities localTools;

    ToolCalls(
            TaskState state,
            TaskBoard board,
            Verdicts verdicts,
            Approvals approvals,
            ActionReviews reviews,
            UnknownOutcomes unknownOutcomes,
            ToolActivities tools,
            ToolActivities localTools) {
        this.state = state;
        this.board = board;
        this.verdicts = verdicts;
        this.approvals = approvals;
        this.reviews = reviews;
        this.unknownOutcomes = unknownOutcomes;
        this.tools = tools;
        this.localTools = localTools;
    }

    /** Takes the agent's call through the policy; one that needs reviewers waits until {@code suspend}. */
    void propose(ToolCall call, BooleanSupplier suspend) {
        proposed(state.propose(call, TaskBoard.now()), suspend);
    }

    /**
     * Takes a recorded action's call through the policy (an agent's, or one submitted from outside);
     * one that needs reviewers waits until {@code suspend}.
     */
    void proposed(ActionRecord action, BooleanSupplier suspend) {
        ToolCall call = action.call;
        PolicyVerdict verdict;
        try {
            verdict = verdicts.evaluate(call, action.actionId);
        } catch (ActivityFailure failure) {
            action.state = ActionState.FAILED;
            action.error = "the policy could not be evaluated: " + Failures.rootMessage(failure);
            tell(TranscriptKind.TOOL_FAILED, action, null, action.error, null);
            board.touch();
            return;
        }
        action.verdict = verdict;
        if (normalizes(verdict)) {
            action.call = action.call.withArgs(verdict.normalizedArgs()); // what reviewers see and the tool runs with
        }
        if (refusedBefore(action)) {
            board.touch();
            return;
        }
        switch (verdict.outcome()) {
            case DENY -> {
                TaskMetrics.decision(call.tool(), verdict.rule(), "denied");
                action.state = ActionState.DENIED;
                tell(TranscriptKind.DENIED, action, null, verdict.reason(), null);
            }
            case AUTO -> {
                TaskMetrics.decision(call.tool(), verdict.rule(), "auto");
                if (action.agentRuns) {
                    awaitCollection(action, suspend);
                } else {
                    execute(action);
                }
            }
            case APPROVE -> awaitDecision(approvals.hold(action), suspend);
        }
        board.touch();
    }

    /**
     * Whether the call goes on with the arguments the policy judged; a run that began before that
     * change keeps the arguments as proposed.
     */
    static boolean normalizes(PolicyVerdict verdict) {
        return verdict.normalizedArgs() != null
                && Workflow.getVersion(NORMALIZED_ARGS, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
    }

    /**
     * Refuses, without asking anyone, a call identical to one a person rejected or sent back in this
     * task, and tells the agent who said what; the policy's own refusal stands as it is.
     */
    private boolean refusedBefore(ActionRecord action) {
        String refusal = state.refusedCalls.get(action.verdict.argsDigest());
        if (refusal == null
                || action.verdict.outcome() == Outcome.DENY
                || Workflow.getVersion(STICKY_REFUSALS, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
            return false;
        }
        TaskMetrics.decision(action.call.tool(), action.verdict.rule(), "refused-again");
        action.state = ActionState.DENIED;
        action.error = "not asked again: " + refusal; // what reviewers and an outside caller read
        tell(
                TranscriptKind.DENIED,
                action,
                null,
                action.error + " Propose something else, or finish and say why.",
                null);
        return true;
    }

    /**
     * Waits for the reviewers of a held call (one carried over from the previous run too), then
     * settles it; returns early, leaving it pending, when {@code suspend} holds.
     */
    void awaitDecision(ApprovalGate gate, BooleanSupplier suspend) {
        approvals.await(gate, suspend);
        if (gate.state() == dev.countersign.approval.ApprovalState.PENDING && state.cancellation == null) {
            return;
        }
        settle(approvals.close(gate), suspend);
    }

    private void settle(ApprovalGate gate, BooleanSupplier suspend) {
        ActionRecord action = state.action(gate.actionId());
        switch (gate.state()) {
            case APPROVED -> {
                board.status(TaskStatus.RUNNING);
                if (action.gateId == null) {
                    execute(action);
                } else {
                    awaitCollection(action, suspend);
                }
            }
            case REJECTED -> decided(action, ActionState.REJECTED, TranscriptKind.REJECTED);
            case CHANGES_REQUESTED -> decided(action, ActionState.CHANGES_REQUESTED, TranscriptKind.CHANGES_REQUESTED);
            case TIMED_OUT -> {
                action.state = ActionState.TIMED_OUT;
                String cause = lastDecision(action).comment();
                tell(TranscriptKind.TIMED_OUT, action, null, cause, null);
                if (gate.verdict().onTimeout() == TimeoutOutcome.CANCEL) {
                    board.finish(TaskStatus.CANCELLED, "cancelled: " + cause);
                } else {
                    board.status(TaskStatus.RUNNING);
                }
            }
            case PENDING, CANCELLED -> action.state = ActionState.CANCELLED;
        }
    }

    /**
     * Waits for the caller of an allowed submitted call to come back for it, then runs it, or, when the
     * agent runs it itself, for the agent's report of its outcome; one not used within its consent
     * lifetime expires and never runs. Returns early, leaving it waiting, when {@code suspend} holds (the
     * next run waits on with the same deadline).
     */
    void awaitCollection(ActionRecord action, BooleanSupplier suspend) {
        if (action.state != ActionState.AWAITING_COLLECTION) {
            action.state = ActionState.AWAITING_COLLECTION;
            action.consentExpiresAt = TaskBoard.now().plus(action.consentTtl);
            board.touch();
        }
        Duration left = Duration.between(TaskBoard.now(), action.consentExpiresAt);
        if (!left.isNegative() && !left.isZero()) {
            Workflow.await(
                    left,
                    () -> action.collectRequested
                            || action.state != ActionState.AWAITING_COLLECTION
                            || state.cancellation != null
                            || suspend.getAsBoolean());
        }
        if (action.state != ActionState.AWAITING_COLLECTION) {
            return; // the agent reported its run
        }
        if (action.collectRequested) {
            execute(action);
        } else if (state.cancellation != null) {
            action.state = ActionState.CANCELLED;
        } else if (!TaskBoard.now().isBefore(action.consentExpiresAt)) {
            action.state = ActionState.EXPIRED;
            action.decisions.add(new DecisionRecord(
                    null,
                    DecisionRecordKind.EXPIRE,
                    "approved, but its caller did not come back for it within " + action.consentTtl
                            + "; it never ran, and the same call must be approved again",
                    TaskBoard.now(),
                    null));
            TaskMetrics.decision(action.call.tool(), action.verdict.rule(), "expired");
        }
        board.touch();
    }

    /**
     * Records what the agent's own run of an allowed call returned: it counts as executed (open for
     * post-action review as its rule says) or failed. A report after the approval expired is recorded
     * too, saying so: the call ran, and the record must show it.
     */
    void reported(ActionRecord action, ReportedOutcome outcome) {
        boolean late = action.state == ActionState.EXPIRED;
        action.state = outcome.success() ? ActionState.EXECUTED : ActionState.FAILED;
        action.result = outcome.success() ? outcome.result() : null;
        action.error = outcome.success()
                ? (late ? "reported by the agent after its approval expired" : null)
                : outcome.error();
        if (outcome.success()) {
            reviews.open(action);
        }
        TaskMetrics.toolExecution(action.call.tool(), outcome.success() ? "executed" : "failed");
        board.touch();
    }

    private void decided(ActionRecord action, ActionState outcome, TranscriptKind kind) {
        action.state = outcome;
        DecisionRecord last = lastDecision(action);
        state.refused(
                action.verdict.argsDigest(),
                last.reviewer() + (outcome == ActionState.REJECTED ? " rejected" : " sent back") + " this exact call ("
                        + action.actionId + "): " + last.comment() + ".");
        tell(kind, action, null, last.comment(), last.reviewer());
        board.status(TaskStatus.RUNNING);
    }

    private static DecisionRecord lastDecision(ActionRecord action) {
        return action.decisions.get(action.decisions.size() - 1);
    }

    private void execute(ActionRecord action) {
        String taskId = state.start.taskId();
        ToolInvocation invocation = new ToolInvocation(
                taskId,
                action.actionId,
                action.call.tool(),
                action.call.args(),
                action.verdict.argsDigest(),
                ToolInvocation.idempotencyKey(taskId, action.actionId));
        try {
            ToolResult result = runner(action).executeTool(invocation).within(PayloadBounds.MAX_VALUE_BYTES);
            action.state = ActionState.EXECUTED;
            action.result = result.output();
            action.compensationName = result.compensation();
            reviews.open(action);
            TaskMetrics.toolExecution(action.call.tool(), "executed");
            tell(TranscriptKind.TOOL_RESULT, action, result.output(), null, null);
        } catch (ActivityFailure failure) {
            if (UnknownOutcomes.unknown(failure)) {
                unknownOutcomes.awaitOperator(action, Failures.rootMessage(failure));
                return;
            }
            action.state = ActionState.FAILED;
            action.error = Failures.rootMessage(failure);
            TaskMetrics.toolExecution(action.call.tool(), "failed");
            tell(TranscriptKind.TOOL_FAILED, action, null, action.error, null);
        }
    }

    /**
     * A local activity for a tool registered as short and idempotent, in a run that knows the change
     * (the version is asked only for such a tool, so other runs' histories are untouched); an activity
     * otherwise.
     */
    private ToolActivities runner(ActionRecord action) {
        return action.verdict.runsLocally()
                        && Workflow.getVersion(LOCAL_TOOLS, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION
                ? localTools
                : tools;
    }

    private void tell(TranscriptKind kind, ActionRecord action, Map<String, Object> result, String text, String by) {
        tell(state, kind, action, result, text, by);
    }

    /**
     * Tells the agent, through the transcript, what became of its call; an agent running elsewhere
     * learns it from its call's answer instead.
     */
    static void tell(
            TaskState state,
            TranscriptKind kind,
            ActionRecord action,
            Map<String, Object> result,
            String text,
            String by) {
        if (action.gateId != null) {
            return;
        }
        state.transcript.add(
                new TranscriptEntry(kind, action.actionId, action.call, result, text, by, TaskBoard.now()));
    }
}
