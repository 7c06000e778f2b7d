package dev.countersign.task;

import dev.countersign.agent.AgentActivities;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ModelRequests;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.approval.ApprovalGate;
import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.PendingApproval;
import dev.countersign.approval.SlaTimer;
import dev.countersign.notify.NotificationActivities;
import dev.countersign.notify.NotificationKind;
import dev.countersign.notify.NotificationReceipt;
import dev.countersign.notify.ReviewerNotification;
import dev.countersign.payload.PayloadBounds;
import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.PolicyActivities;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.TimeoutOutcome;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.RollbackRequest;
import dev.countersign.review.RollbackResult;
import dev.countersign.tool.ToolActivities;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * The agent loop with its approval gate. Every side effect is an activity; every decision is an
 * Update checked by a pure validator and checked again under the lock in its handler, so a
 * decision that raced with another one can never apply to arguments its reviewer did not see.
 */
public class AgentTaskWorkflowImpl implements AgentTaskWorkflow {

    /** An agent that has not finished after this many steps is stopped as FAILED. */
    static final int MAX_AGENT_STEPS = 100;

    private static final Logger log = Workflow.getLogger(AgentTaskWorkflowImpl.class);

    private final TaskState state;
    private final WorkflowLock decisionLock = Workflow.newWorkflowLock();
    private final AgentActivities agent = Workflow.newActivityStub(
            AgentActivities.class, heartbeating(Duration.ofMinutes(2), Duration.ofSeconds(30), 10));
    private final PolicyActivities policy = Workflow.newActivityStub(
            PolicyActivities.class, options(Duration.ofSeconds(30), Duration.ofSeconds(10), 10));
    private final ToolActivities tools = Workflow.newActivityStub(
            ToolActivities.class, heartbeating(Duration.ofMinutes(5), Duration.ofMinutes(1), 5));
    private final NotificationActivities notifier = Workflow.newActivityStub(
            NotificationActivities.class,
            options(Duration.ofSeconds(30), Duration.ofMinutes(1), NotificationActivities.MAX_ATTEMPTS));
    private final ToolActivities compensations = Workflow.newActivityStub(
            ToolActivities.class, heartbeating(Duration.ofMinutes(5), Duration.ofMinutes(1), COMPENSATION_ATTEMPTS));
    private final ActionReviews reviews;
    private boolean answered;
    private boolean notifiesReviewers;
    private int notificationsInFlight;

    /** Tasks started before reviewer notifications existed replay without them. */
    static final String NOTIFICATIONS_CHANGE = "notifications";

    private boolean publishesSearchAttributes;
    private List<Object> publishedSearchAttributes = List.of();

    /** Tasks started before search attributes existed replay without them. */
    static final String SEARCH_ATTRIBUTES_CHANGE = "search-attributes";

    /** Tasks started before post-action review existed replay without review windows or compensations. */
    static final String POST_ACTION_REVIEW_CHANGE = "post-action-review";

    /**
     * How often a compensation is tried (1 s, then doubling up to a minute, between tries) before
     * the action is left to operators as ROLLBACK_FAILED.
     */
    static final int COMPENSATION_ATTEMPTS = 3;

    /** Four missed heartbeats of a running model call, tool or compensation (one every 5 s). */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(20);

    private boolean reviewsActions;

    @WorkflowInit
    public AgentTaskWorkflowImpl(TaskStart start) {
        this.state = new TaskState(start, now());
        this.reviews = new ActionReviews(state, compensations, AgentTaskWorkflowImpl::rootMessage, this::reviewChanged);
    }

    /**
     * Model calls, tools and compensations heartbeat while they run (ActivityHeartbeat), so a call
     * on a worker that died is retried elsewhere after {@link #HEARTBEAT_TIMEOUT}, not after its
     * whole start-to-close timeout; it is idempotent by its key.
     */
    private static ActivityOptions heartbeating(Duration startToClose, Duration maxInterval, int attempts) {
        return ActivityOptions.newBuilder(options(startToClose, maxInterval, attempts))
                .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                .build();
    }

    private static ActivityOptions options(Duration startToClose, Duration maxInterval, int attempts) {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(startToClose)
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setBackoffCoefficient(2.0)
                        .setMaximumInterval(maxInterval)
                        .setMaximumAttempts(attempts)
                        .build())
                .build();
    }

    @Override
    public TaskView run(TaskStart start) {
        publishesSearchAttributes = Workflow.getVersion(SEARCH_ATTRIBUTES_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
        publishSearchAttributes();
        notifiesReviewers = Workflow.getVersion(NOTIFICATIONS_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
        reviewsActions = Workflow.getVersion(POST_ACTION_REVIEW_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
        while (!state.status.closed()) {
            if (state.cancellation != null) {
                if (state.rollbackOnCancel) {
                    RollbackResult rolledBack =
                            reviews.rollBackOnCancel(state.cancellation.by(), state.cancellation.text());
                    finish(
                            TaskStatus.CANCELLED,
                            "cancelled by " + state.cancellation.by() + reasonSuffix() + "; rolled back "
                                    + rolledBack.actions().size() + " action(s)"
                                    + (rolledBack.complete() ? "" : ", some compensations failed"));
                } else {
                    finish(TaskStatus.CANCELLED, "cancelled by " + state.cancellation.by() + reasonSuffix());
                }
                break;
            }
            if (state.agentSteps >= MAX_AGENT_STEPS) {
                finish(TaskStatus.FAILED, "the agent did not finish within " + MAX_AGENT_STEPS + " steps");
                break;
            }
            AgentStep step = nextStep();
            if (step == null) {
                break;
            }
            switch (step.kind()) {
                case FINISH -> finish(TaskStatus.COMPLETED, step.summary());
                case QUESTION -> awaitAnswer(step);
                case TOOL_CALL -> handleToolCall(step.toolCall());
            }
        }
        holdForReview();
        // A notification's outcome belongs on the task; its retries are bounded by its retry policy.
        Workflow.await(() -> Workflow.isEveryHandlerFinished() && notificationsInFlight == 0);
        return state.view();
    }

    /**
     * Keeps the task open after the agent stopped while a review window is open, a verdict is being
     * applied, or a failed compensation waits for operators; then restores the status it ended with.
     */
    private void holdForReview() {
        if (!reviewsActions) {
            return;
        }
        state.agentEnded = true;
        if (!reviews.holding(now())) {
            return;
        }
        TaskStatus ending = state.status;
        reviewChanged();
        while (reviews.holding(now())) {
            SlaTimer.awaitUntil(() -> reviews.nextWindowEnd(now()), () -> !reviews.holding(now()));
            reviewChanged();
        }
        setStatus(ending);
        log.info("task {} left review, ended {}", state.start.taskId(), ending);
    }

    /** After a verdict: the status shows whether operators must act, once only review remains. */
    private void reviewChanged() {
        if (state.agentEnded && reviews.holding(now())) {
            state.status = reviews.needsAttention() ? TaskStatus.NEEDS_ATTENTION : TaskStatus.IN_REVIEW;
        }
        touch();
    }

    private AgentStep nextStep() {
        state.agentSteps++;
        TaskStart start = state.start;
        try {
            AgentRequest whole = ModelRequests.within(
                    start.taskId(),
                    start.agent(),
                    start.goal(),
                    start.input(),
                    state.transcript,
                    PayloadBounds.MAX_MESSAGE_BYTES);
            dev.countersign.agent.StepRequest request = new dev.countersign.agent.StepRequest(
                    start.taskId(),
                    Workflow.getInfo().getFirstExecutionRunId(),
                    start.agent(),
                    state.agentSteps,
                    whole.goal(),
                    whole.input(),
                    0,
                    whole.transcript());
            return agent.nextStep(request).within(PayloadBounds.MAX_VALUE_BYTES);
        } catch (ActivityFailure failure) {
            finish(TaskStatus.FAILED, "the agent model failed: " + rootMessage(failure));
            return null;
        }
    }

    private void awaitAnswer(AgentStep step) {
        state.question = step.question();
        answered = false;
        setStatus(TaskStatus.AWAITING_INPUT);
        Workflow.await(() -> answered || state.cancellation != null);
        state.question = null;
        if (state.cancellation == null) {
            setStatus(TaskStatus.RUNNING);
        }
    }

    private void handleToolCall(ToolCall call) {
        ActionRecord action = new ActionRecord(state.nextActionId(), call, now());
        state.actions.add(action);
        PolicyVerdict verdict;
        try {
            verdict = evaluate(call, action.actionId);
        } catch (ActivityFailure failure) {
            action.state = ActionState.FAILED;
            action.error = "the policy could not be evaluated: " + rootMessage(failure);
            addTranscript(TranscriptKind.TOOL_FAILED, action, null, action.error, null);
            return;
        }
        action.verdict = verdict;
        switch (verdict.outcome()) {
            case DENY -> {
                TaskMetrics.decision(call.tool(), verdict.rule(), "denied");
                action.state = ActionState.DENIED;
                addTranscript(TranscriptKind.DENIED, action, null, verdict.reason(), null);
            }
            case AUTO -> {
                TaskMetrics.decision(call.tool(), verdict.rule(), "auto");
                execute(action);
            }
            case APPROVE -> holdForApproval(action);
        }
        touch();
    }

    private PolicyVerdict evaluate(ToolCall call, String actionId) {
        TaskStart start = state.start;
        return policy.evaluatePolicy(new PolicyRequest(
                start.taskId(),
                start.agent(),
                start.requester(),
                PayloadBounds.json(start.input(), PayloadBounds.MAX_VALUE_BYTES),
                call,
                actionId));
    }

    private void holdForApproval(ActionRecord action) {
        state.gate = new ApprovalGate(
                state.start.taskId(), action.actionId, state.start.requester(), action.call, action.verdict, now());
        setStatus(TaskStatus.AWAITING_APPROVAL);
        notifyReviewers(NotificationKind.APPROVAL_REQUESTED, state.gate, action, "");
        log.info(
                "task {} action {} awaits approval {} under rule {}",
                state.start.taskId(),
                action.actionId,
                state.gate.approvalId(),
                action.verdict.rule());
        awaitDecisionOrTimeout(state.gate, action);
        ApprovalGate gate = state.gate;
        if (gate.state() == ApprovalState.PENDING) {
            gate.cancel();
        }
        state.closedApprovals.put(gate.approvalId(), gate.state());
        state.gate = null;
        recordDecisionMetrics(gate, action);
        action.call = gate.call();
        action.verdict = gate.verdict();
        switch (gate.state()) {
            case APPROVED -> {
                setStatus(TaskStatus.RUNNING);
                execute(action);
            }
            case REJECTED -> {
                action.state = ActionState.REJECTED;
                DecisionRecord last = lastDecision(action);
                addTranscript(TranscriptKind.REJECTED, action, null, last.comment(), last.reviewer());
                setStatus(TaskStatus.RUNNING);
            }
            case CHANGES_REQUESTED -> {
                action.state = ActionState.CHANGES_REQUESTED;
                DecisionRecord last = lastDecision(action);
                addTranscript(TranscriptKind.CHANGES_REQUESTED, action, null, last.comment(), last.reviewer());
                setStatus(TaskStatus.RUNNING);
            }
            case TIMED_OUT -> {
                action.state = ActionState.TIMED_OUT;
                addTranscript(
                        TranscriptKind.TIMED_OUT,
                        action,
                        null,
                        lastDecision(action).comment(),
                        null);
                if (gate.verdict().onTimeout() == TimeoutOutcome.CANCEL) {
                    finish(
                            TaskStatus.CANCELLED,
                            "cancelled: " + lastDecision(action).comment());
                } else {
                    setStatus(TaskStatus.RUNNING);
                }
            }
            case PENDING, CANCELLED -> action.state = ActionState.CANCELLED;
        }
    }

    /**
     * Waits for quorum, a rejection or a cancellation while each tier's SLA runs; an SLA that
     * passes first escalates to the next tier, and after the last one the policy's timeout outcome
     * applies, recorded with its cause and no reviewer. A decision the validator accepted before
     * the timer fired is applied first and wins.
     */
    private void awaitDecisionOrTimeout(ApprovalGate gate, ActionRecord action) {
        while (gate.state() == ApprovalState.PENDING && state.cancellation == null) {
            boolean settled = SlaTimer.awaitUntil(
                    gate::deadline, () -> gate.state() != ApprovalState.PENDING || state.cancellation != null);
            if (settled) {
                return;
            }
            decisionLock.lock();
            try {
                Instant deadline = gate.deadline();
                if (gate.state() == ApprovalState.PENDING
                        && state.cancellation == null
                        && deadline != null
                        && !now().isBefore(deadline)) {
                    escalateOrTimeOut(gate, action);
                }
            } finally {
                decisionLock.unlock();
            }
        }
    }

    /**
     * Notifies the current tier without waiting for it: the outcome lands on the action when it
     * arrives, and a failure never holds up the approval.
     */
    private void notifyReviewers(NotificationKind kind, ApprovalGate gate, ActionRecord action, String reason) {
        if (!notifiesReviewers) {
            return;
        }
        String tier = gate.currentTier().name();
        notificationsInFlight++;
        Async.function(notifier::notifyReviewers, new ReviewerNotification(kind, gate.view(), reason))
                .handle((receipt, failure) -> {
                    notificationsInFlight--;
                    NotificationReceipt outcome = failure == null
                            ? receipt
                            : new NotificationReceipt(
                                    List.of(), List.of("notification failed: " + rootMessage(failure)));
                    action.notifications.add(
                            new NotificationRecord(kind.name(), tier, now(), outcome.delivered(), outcome.failed()));
                    if (!outcome.failed().isEmpty()) {
                        TaskMetrics.notificationFailure(action.call.tool(), tier);
                    }
                    return null;
                });
    }

    private void escalateOrTimeOut(ApprovalGate gate, ActionRecord action) {
        ApprovalTier expired = gate.currentTier();
        String waited =
                "nobody decided within " + expired.sla() + " in tier " + expired.name() + " " + expired.groups();
        if (gate.hasNextTier()) {
            gate.escalate(now());
            action.decisions.add(new DecisionRecord(
                    null,
                    "escalate",
                    waited + "; escalated to " + gate.currentTier().name(),
                    now(),
                    null));
            notifyReviewers(NotificationKind.ESCALATED, gate, action, waited);
            TaskMetrics.escalation(action.call.tool(), gate.verdict().rule());
            log.info(
                    "task {} approval {} escalated to tier {}",
                    state.start.taskId(),
                    gate.approvalId(),
                    gate.currentTier().name());
        } else {
            gate.timeOut();
            action.decisions.add(new DecisionRecord(
                    null,
                    "timeout",
                    waited + "; the policy's timeout outcome is "
                            + gate.verdict().onTimeout(),
                    now(),
                    null));
            log.info(
                    "task {} approval {} timed out: {}",
                    state.start.taskId(),
                    gate.approvalId(),
                    gate.verdict().onTimeout());
        }
        touch();
    }

    private void recordDecisionMetrics(ApprovalGate gate, ActionRecord action) {
        if (gate.state() == ApprovalState.CANCELLED) {
            return;
        }
        boolean edited = action.decisions.stream().anyMatch(d -> d.decision().equals(DecisionKind.EDIT.wireName()));
        boolean timedOut = action.decisions.stream().anyMatch(d -> "timeout".equals(d.decision()));
        String outcome = switch (gate.state()) {
            case APPROVED -> timedOut ? "timed_out" : edited ? "edited" : "approved";
            case REJECTED -> "rejected";
            case TIMED_OUT -> "timed_out";
            default -> "changes_requested";
        };
        String tool = action.call.tool();
        TaskMetrics.decision(tool, gate.verdict().rule(), outcome);
        TaskMetrics.timeToDecision(
                tool, gate.verdict().rule(), Duration.between(gate.view().requestedAt(), now()));
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
            ToolResult result = tools.executeTool(invocation).within(PayloadBounds.MAX_VALUE_BYTES);
            action.state = ActionState.EXECUTED;
            action.result = result.output();
            if (reviewsActions) {
                action.compensationName = result.compensation();
                reviews.open(action, now());
            }
            TaskMetrics.toolExecution(action.call.tool(), "executed");
            addTranscript(TranscriptKind.TOOL_RESULT, action, result.output(), null, null);
        } catch (ActivityFailure failure) {
            action.state = ActionState.FAILED;
            action.error = rootMessage(failure);
            TaskMetrics.toolExecution(action.call.tool(), "failed");
            addTranscript(TranscriptKind.TOOL_FAILED, action, null, action.error, null);
        }
    }

    @Override
    public void validateDecide(DecisionRequest decision) {
        refuseOversized("the comment", PayloadBounds.utf8Length(decision.comment()));
        if (decision.args() != null) {
            refuseOversized("the edited arguments", PayloadBounds.jsonBytes(decision.args()));
        }
        if (earlierAnswer(decision) != null) {
            return;
        }
        gateFor(decision).check(decision, decision.argsDigest());
    }

    @Override
    public DecisionResult decide(DecisionRequest decision) {
        try {
            return decideUnderLock(decision);
        } catch (DecisionRefusal.Refused refused) {
            throw refused.asFailure();
        }
    }

    private DecisionResult decideUnderLock(DecisionRequest decision) {
        DecisionResult earlier = earlierAnswer(decision);
        if (earlier != null) {
            return earlier;
        }
        String seenDigest = decision.argsDigest() != null
                ? decision.argsDigest()
                : gateFor(decision).argsDigest();
        decisionLock.lock();
        try {
            earlier = earlierAnswer(decision);
            if (earlier != null) {
                return earlier;
            }
            ApprovalGate gate = gateFor(decision);
            gate.check(decision, seenDigest);
            DecisionResult result = apply(gate, decision);
            state.decisionsById.put(decision.decisionId(), new TaskState.Decided(decision, result, now()));
            touch();
            log.info(
                    "task {} approval {}: {} by {} -> {} ({}/{})",
                    state.start.taskId(),
                    gate.approvalId(),
                    decision.kind().wireName(),
                    decision.reviewer(),
                    result.state(),
                    result.approvals(),
                    result.required());
            return result;
        } finally {
            decisionLock.unlock();
        }
    }

    /**
     * The answer already given to this decision id, or null. An id reused by another reviewer is
     * refused rather than answered with someone else's result; one the same reviewer reused for a
     * different decision (another approval, kind, arguments, digest or comment) is refused and names
     * the decision it was used for, so a changed mind is never answered with the first decision's
     * result. Runs in the validator and again in the handler; it changes nothing, so a refusal leaves
     * no event in history and replays of older histories see the same commands.
     */
    private DecisionResult earlierAnswer(DecisionRequest decision) {
        TaskState.Decided earlier = state.decisionsById.get(decision.decisionId());
        if (earlier == null) {
            return null;
        }
        DecisionRequest first = earlier.request();
        if (!first.reviewer().equals(decision.reviewer())) {
            throw DecisionRefusal.of(
                    DecisionRefusal.INVALID_DECISION,
                    "decision id " + decision.decisionId() + " was already used for another decision");
        }
        if (!sameDecision(first, decision)) {
            throw DecisionRefusal.of(
                    DecisionRefusal.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key " + decision.decisionId() + " was used for "
                            + first.kind().wireName() + " of "
                            + first.approvalId() + " at " + earlier.at()
                            + "; a different decision needs a new key");
        }
        return earlier.result();
    }

    /** The same decision, whatever groups the reviewer has now. */
    private static boolean sameDecision(DecisionRequest first, DecisionRequest again) {
        return first.approvalId().equals(again.approvalId())
                && first.kind() == again.kind()
                && Objects.equals(first.args(), again.args())
                && Objects.equals(first.argsDigest(), again.argsDigest())
                && first.comment().equals(again.comment());
    }

    private DecisionResult apply(ApprovalGate gate, DecisionRequest decision) {
        ActionRecord action = state.action(gate.actionId());
        if (decision.kind() == DecisionKind.EDIT) {
            return applyEdit(gate, action, decision);
        }
        DecisionResult result = switch (decision.kind()) {
            case APPROVE -> gate.approve(decision.reviewer());
            case REJECT -> gate.reject();
            default -> gate.requestChanges();
        };
        action.decisions.add(record(decision, null));
        return result;
    }

    private DecisionResult applyEdit(ApprovalGate gate, ActionRecord action, DecisionRequest decision) {
        ToolCall edited = gate.call().withArgs(decision.args());
        PolicyVerdict verdict = evaluate(edited, action.actionId);
        if (verdict.argumentsInvalid()) {
            throw DecisionRefusal.of(DecisionRefusal.INVALID_DECISION, verdict.reason());
        }
        if (verdict.outcome() == dev.countersign.policy.Outcome.DENY) {
            throw DecisionRefusal.of(
                    DecisionRefusal.EDIT_DENIED, "the policy refuses the edited arguments: " + verdict.reason());
        }
        if (state.gate != gate || gate.state() != ApprovalState.PENDING) {
            throw DecisionRefusal.of(
                    DecisionRefusal.ALREADY_DECIDED,
                    "approval " + gate.approvalId() + " ended while the edit was checked");
        }
        DecisionResult result = gate.edit(edited, verdict, decision.reviewer(), decision.reviewerGroups(), now());
        action.call = edited;
        action.verdict = gate.verdict();
        action.decisions.add(record(decision, edited.args()));
        return result;
    }

    private DecisionRecord record(DecisionRequest decision, Map<String, Object> args) {
        return new DecisionRecord(decision.reviewer(), decision.kind().wireName(), decision.comment(), now(), args);
    }

    private ApprovalGate gateFor(DecisionRequest decision) {
        ApprovalGate gate = state.gate;
        if (gate != null && gate.approvalId().equals(decision.approvalId())) {
            return gate;
        }
        ApprovalState closed = state.closedApprovals.get(decision.approvalId());
        if (closed != null) {
            throw DecisionRefusal.of(
                    DecisionRefusal.ALREADY_DECIDED,
                    "approval " + decision.approvalId() + " was already decided: " + closed);
        }
        throw DecisionRefusal.of(
                DecisionRefusal.UNKNOWN_APPROVAL,
                "task " + state.start.taskId() + " has no approval " + decision.approvalId());
    }

    @Override
    public void validateAnswer(TaskMessage answer) {
        refuseOversized("the answer", PayloadBounds.utf8Length(answer.text()));
        checkAnswer(answer);
    }

    private void checkAnswer(TaskMessage answer) {
        if (state.status != TaskStatus.AWAITING_INPUT || answered) {
            throw DecisionRefusal.of(DecisionRefusal.NOT_APPLICABLE, "the agent has no open question");
        }
        if (answer.text().isBlank()) {
            throw DecisionRefusal.of(DecisionRefusal.INVALID_DECISION, "an answer needs text");
        }
    }

    @Override
    public void answer(TaskMessage answer) {
        try {
            checkAnswer(answer);
        } catch (DecisionRefusal.Refused refused) {
            throw refused.asFailure();
        }
        answered = true;
        state.transcript.add(
                new TranscriptEntry(TranscriptKind.ANSWER, null, null, null, answer.text(), answer.by(), now()));
        touch();
    }

    @Override
    public void validateCancel(TaskMessage reason) {
        refuseOversized("the reason", PayloadBounds.utf8Length(reason.text()));
        checkCancel(reason);
    }

    private void checkCancel(TaskMessage reason) {
        if (state.status.closed() || state.cancellation != null || state.agentEnded) {
            throw DecisionRefusal.of(DecisionRefusal.NOT_APPLICABLE, "the task has already ended: " + state.status);
        }
    }

    @Override
    public void cancel(TaskMessage reason) {
        try {
            checkCancel(reason);
        } catch (DecisionRefusal.Refused refused) {
            throw refused.asFailure();
        }
        state.cancellation = reason;
        log.info("task {} cancelled by {}", state.start.taskId(), reason.by());
        touch();
    }

    @Override
    public void validateCancelAndRollBack(TaskMessage reason) {
        requireReviews();
        validateCancel(reason);
    }

    @Override
    public void cancelAndRollBack(TaskMessage reason) {
        try {
            requireReviews();
            checkCancel(reason);
        } catch (DecisionRefusal.Refused refused) {
            throw refused.asFailure();
        }
        state.cancellation = reason;
        state.rollbackOnCancel = true;
        log.info("task {} cancelled by {}, rolling back what ran", state.start.taskId(), reason.by());
        touch();
    }

    @Override
    public void validateReview(ReviewRequest review) {
        refuseOversized("the comment", PayloadBounds.utf8Length(review.comment()));
        requireReviews();
        if (reviews.earlierReview(review) == null) {
            reviews.checkReview(review, now());
        }
    }

    @Override
    public ReviewResult review(ReviewRequest review) {
        try {
            requireReviews();
            return reviews.review(review);
        } catch (DecisionRefusal.Refused refused) {
            throw refused.asFailure();
        }
    }

    @Override
    public void validateRollback(RollbackRequest rollback) {
        refuseOversized("the comment", PayloadBounds.utf8Length(rollback.comment()));
        requireReviews();
        if (reviews.earlierRollback(rollback) == null) {
            reviews.checkRollback(rollback, now());
        }
    }

    @Override
    public RollbackResult rollback(RollbackRequest rollback) {
        try {
            requireReviews();
            return reviews.rollback(rollback);
        } catch (DecisionRefusal.Refused refused) {
            throw refused.asFailure();
        }
    }

    @Override
    public void validateAttend(AttentionRequest request) {
        refuseOversized("the comment", PayloadBounds.utf8Length(request.comment()));
        requireReviews();
        if (reviews.earlierAttention(request) == null) {
            reviews.checkAttention(request);
        }
    }

    @Override
    public ReviewResult attend(AttentionRequest request) {
        try {
            requireReviews();
            return reviews.attend(request);
        } catch (DecisionRefusal.Refused refused) {
            throw refused.asFailure();
        }
    }

    /**
     * Refuses an argument larger than the task keeps whole. Only validators call it: they do not run
     * on replay, so an update accepted before this bound existed is never judged again.
     */
    private static void refuseOversized(String what, int bytes) {
        if (bytes > PayloadBounds.MAX_VALUE_BYTES) {
            throw DecisionRefusal.of(
                    DecisionRefusal.PAYLOAD_TOO_LARGE,
                    what + " has " + bytes + " bytes; a task accepts at most " + PayloadBounds.MAX_VALUE_BYTES);
        }
    }

    private void requireReviews() {
        if (!reviewsActions) {
            throw DecisionRefusal.of(
                    DecisionRefusal.NOT_APPLICABLE,
                    "task " + state.start.taskId() + " was started before post-action review existed");
        }
    }

    @Override
    public void guide(TaskMessage guidance) {
        if (state.status.closed() || guidance.text().isBlank()) {
            return;
        }
        // A signal has no validator to refuse it, so oversized guidance is kept cut, with its marker.
        String text = PayloadBounds.text(guidance.text(), PayloadBounds.MAX_VALUE_BYTES);
        state.transcript.add(
                new TranscriptEntry(TranscriptKind.GUIDANCE, null, null, null, text, guidance.by(), now()));
        touch();
    }

    @Override
    public TaskView view() {
        return state.view();
    }

    private void finish(TaskStatus status, String summary) {
        state.summary = summary;
        setStatus(status);
        log.info("task {} ended {}: {}", state.start.taskId(), status, summary);
    }

    private String reasonSuffix() {
        return state.cancellation.text().isBlank() ? "" : ": " + state.cancellation.text();
    }

    private void setStatus(TaskStatus status) {
        state.status = status;
        touch();
    }

    private void addTranscript(
            TranscriptKind kind, ActionRecord action, Map<String, Object> result, String text, String by) {
        state.transcript.add(new TranscriptEntry(kind, action.actionId, action.call, result, text, by, now()));
    }

    private void touch() {
        state.updatedAt = now();
        publishSearchAttributes();
    }

    private void publishSearchAttributes() {
        if (!publishesSearchAttributes) {
            return;
        }
        ApprovalGate gate = state.gate;
        PendingApproval pending = gate == null || gate.state() != ApprovalState.PENDING ? null : gate.view();
        List<Object> values = pending == null
                ? List.of(state.status)
                : List.of(state.status, pending.groups(), pending.tool(), pending.required());
        if (values.equals(publishedSearchAttributes)) {
            return;
        }
        publishedSearchAttributes = values;
        Workflow.upsertTypedSearchAttributes(TaskSearchAttributes.of(
                        state.status,
                        state.start.requester(),
                        pending == null ? null : pending.tool(),
                        pending == null ? List.of() : pending.groups(),
                        pending == null ? 0 : pending.required())
                .toArray(SearchAttributeUpdate[]::new));
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }

    /** The message of the failure's root cause, cut to {@link PayloadBounds#MAX_VALUE_BYTES}. */
    private static String rootMessage(Throwable failure) {
        return PayloadBounds.text(wholeRootMessage(failure), PayloadBounds.MAX_VALUE_BYTES);
    }

    private static String wholeRootMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApplicationFailure app) {
                return app.getOriginalMessage();
            }
            if (cause.getCause() == null) {
                return cause.getMessage();
            }
        }
        return failure.getMessage();
    }
}
