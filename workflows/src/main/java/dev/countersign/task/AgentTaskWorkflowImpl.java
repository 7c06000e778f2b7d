package dev.countersign.task;

import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.approval.ApprovalGate;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.payload.PayloadBounds;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.RollbackRequest;
import dev.countersign.review.RollbackResult;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The agent loop: {@link #run} tells the task's story, and the parts beside it do the work, all on
 * one carried {@link TaskState}. Every side effect is an activity; every decision is an Update
 * checked by a pure validator and again under a lock in its handler, so a decision that raced with
 * another can never apply to arguments its reviewer did not see.
 */
public class AgentTaskWorkflowImpl implements AgentTaskWorkflow {

    private static final Logger log = Workflow.getLogger(AgentTaskWorkflowImpl.class);

    private final TaskState state;
    private final TaskBoard board;
    private final ReviewerAlerts alerts;
    private final Approvals approvals;
    private final ActionReviews reviews;
    private final Saga saga;
    private final ToolCalls toolCalls;
    private final ModelTurns turns;
    private final Handover handover;
    private final ExternalCalls externalCalls;
    private final DecisionRecorder recorder;

    @WorkflowInit
    public AgentTaskWorkflowImpl(TaskStart start, TaskState carried) {
        this.state = carried != null ? carried.resumed() : TaskState.fresh(start, firstRunId(), TaskBoard.now());
        TaskActivities activities = new TaskActivities();
        this.board = new TaskBoard(state);
        this.alerts = new ReviewerAlerts(activities.notifier);
        Verdicts verdicts = new Verdicts(state, activities.policy);
        this.approvals = new Approvals(state, board, verdicts, alerts);
        Compensations compensations = new Compensations(state.start.taskId(), activities.compensations);
        UnknownOutcomes unknownOutcomes = new UnknownOutcomes(state, board);
        this.reviews = new ActionReviews(state, board, compensations, unknownOutcomes, alerts);
        this.saga = new Saga(state, reviews, compensations, activities.archive);
        this.toolCalls = new ToolCalls(
                state, board, verdicts, approvals, reviews, unknownOutcomes, activities.tools, activities.localTools);
        this.turns = new ModelTurns(state, board, activities.agent);
        this.recorder = new DecisionRecorder(state, activities.records);
        this.handover =
                new Handover(state, activities.archive, recorder::flush, () -> alerts.idle() && recorder.idle());
        this.externalCalls = new ExternalCalls(state, board, toolCalls, handover);
    }

    /** The task's first run: this one, where the server does not name it (the Java test server). */
    private static String firstRunId() {
        String first = Workflow.getInfo().getFirstExecutionRunId();
        return first == null || first.isEmpty() ? Workflow.getInfo().getRunId() : first;
    }

    @Override
    public TaskView run(TaskStart start, TaskState carried) {
        recorder.start();
        board.touch();
        if (state.start.external()) {
            externalCalls.serve();
            if (state.cancellation != null) {
                endCancelled();
            }
        }
        while (!state.status.closed()) {
            if (state.cancellation != null) {
                endCancelled();
                break;
            }
            if (handover.due()) {
                handover.continueAsNew();
            }
            if (awaitHeldApprovals()) {
                continue;
            }
            if (!state.queuedCalls.isEmpty()) {
                toolCalls.propose(state.queuedCalls.remove(0), handover::due);
                continue;
            }
            if (state.steps >= state.start.budget().maxSteps()) {
                board.finish(TaskStatus.FAILED, budgetSpent());
                break;
            }
            AgentStep step = turns.next();
            if (step == null) {
                break;
            }
            switch (step.kind()) {
                case FINISH -> board.finish(TaskStatus.COMPLETED, step.summary());
                case QUESTION -> awaitAnswer(step);
                case TOOL_CALL -> {
                    // The first call goes at once, as when a reply carried one; the rest wait their turn.
                    state.queuedCalls.addAll(
                            step.toolCalls().subList(1, step.toolCalls().size()));
                    toolCalls.propose(step.toolCall(), handover::due);
                }
            }
        }
        reviews.holdOpen();
        // A notification's outcome belongs on the task; its retries are bounded by its retry policy.
        // Every row of the decision record is stored before the task ends.
        recorder.flush();
        Workflow.await(() -> Workflow.isEveryHandlerFinished() && alerts.idle() && recorder.idle());
        return state.view();
    }

    /**
     * Waits on the approvals held when the task continued as new; true when one was held, so the loop
     * looks again at cancellation and the handover before the agent's next step.
     */
    private boolean awaitHeldApprovals() {
        List<ApprovalGate> held = List.copyOf(state.approvals.values());
        held.forEach(gate -> toolCalls.awaitDecision(gate, handover::due));
        return !held.isEmpty();
    }

    private String budgetSpent() {
        return "the agent reached its step budget of " + state.start.budget().maxSteps()
                + " steps (max-steps of agent '" + state.start.agent() + "' in the agents file) without finishing";
    }

    private void endCancelled() {
        TaskMessage cancellation = state.cancellation;
        String summary =
                "cancelled by " + cancellation.by() + (cancellation.text().isBlank() ? "" : ": " + cancellation.text());
        if (state.rollbackOnCancel) {
            RollbackResult rolledBack = saga.rollBackOnCancel(cancellation.by(), cancellation.text());
            summary += "; rolled back " + rolledBack.actions().size() + " action(s)"
                    + (rolledBack.complete() ? "" : ", some compensations failed");
        }
        board.finish(TaskStatus.CANCELLED, summary);
    }

    private void awaitAnswer(AgentStep step) {
        state.question = step.question();
        state.answered = false;
        board.status(TaskStatus.AWAITING_INPUT);
        Workflow.await(() -> state.answered || state.cancellation != null);
        state.question = null;
        if (state.cancellation == null) {
            board.status(TaskStatus.RUNNING);
        }
    }

    @Override
    public void validateDecide(DecisionRequest decision) {
        refuseOversized("the comment", PayloadBounds.utf8Length(decision.comment()));
        if (decision.args() != null) {
            refuseOversized("the edited arguments", PayloadBounds.jsonBytes(decision.args()));
        }
        approvals.check(decision);
    }

    @Override
    public DecisionResult decide(DecisionRequest decision) {
        return refusing(() -> approvals.decide(decision));
    }

    @Override
    public void validateAnswer(TaskMessage answer) {
        refuseOversized("the answer", PayloadBounds.utf8Length(answer.text()));
        checkAnswer(answer);
    }

    private void checkAnswer(TaskMessage answer) {
        if (state.status != TaskStatus.AWAITING_INPUT || state.answered) {
            throw DecisionRefusal.of(DecisionRefusal.NOT_APPLICABLE, "the agent has no open question");
        }
        if (answer.text().isBlank()) {
            throw DecisionRefusal.of(DecisionRefusal.INVALID_DECISION, "an answer needs text");
        }
    }

    @Override
    public void answer(TaskMessage answer) {
        refusing(() -> {
            checkAnswer(answer);
            state.answered = true;
            // A model's ask_human call is answered under its id; a scripted agent's question has none.
            ToolCall asked = state.question == null ? null : state.question.asCall();
            state.transcript.add(new TranscriptEntry(
                    TranscriptKind.ANSWER, null, asked, null, answer.text(), answer.by(), TaskBoard.now()));
            board.touch();
            return null;
        });
    }

    @Override
    public void validateCancel(TaskMessage reason) {
        refuseOversized("the reason", PayloadBounds.utf8Length(reason.text()));
        checkCancel();
    }

    private void checkCancel() {
        if (state.status.closed() || state.cancellation != null || state.agentEnded) {
            throw DecisionRefusal.of(DecisionRefusal.NOT_APPLICABLE, "the task has already ended: " + state.status);
        }
    }

    @Override
    public void cancel(TaskMessage reason) {
        cancel(reason, false);
    }

    @Override
    public void validateCancelAndRollBack(TaskMessage reason) {
        validateCancel(reason);
    }

    @Override
    public void cancelAndRollBack(TaskMessage reason) {
        cancel(reason, true);
    }

    private void cancel(TaskMessage reason, boolean rollBack) {
        refusing(() -> {
            checkCancel();
            state.cancellation = reason;
            state.rollbackOnCancel = rollBack;
            log.info("task {} cancelled by {}{}", state.start.taskId(), reason.by(), rollBack ? ", rolling back" : "");
            board.touch();
            return null;
        });
    }

    @Override
    public void validateReview(ReviewRequest review) {
        refuseOversized("the comment", PayloadBounds.utf8Length(review.comment()));
        reviews.checkReview(review);
    }

    @Override
    public ReviewResult review(ReviewRequest review) {
        return refusing(() -> reviews.review(review));
    }

    @Override
    public void validateRollback(RollbackRequest rollback) {
        refuseOversized("the comment", PayloadBounds.utf8Length(rollback.comment()));
        saga.checkRollback(rollback);
    }

    @Override
    public RollbackResult rollback(RollbackRequest rollback) {
        return refusing(() -> saga.rollback(rollback));
    }

    @Override
    public void validateAttend(AttentionRequest request) {
        refuseOversized("the comment", PayloadBounds.utf8Length(request.comment()));
        reviews.checkAttention(request);
    }

    @Override
    public ReviewResult attend(AttentionRequest request) {
        return refusing(() -> reviews.attend(request));
    }

    @Override
    public void validateSubmit(SubmittedCall call) {
        refuseOversized(
                "the call's arguments", PayloadBounds.jsonBytes(call.call().args()));
        externalCalls.check(call);
    }

    @Override
    public SubmittedCallReceipt submit(SubmittedCall call) {
        return refusing(() -> externalCalls.submit(call));
    }

    @Override
    public void validateCollect(CollectRequest request) {
        externalCalls.checkCollect(request);
    }

    @Override
    public ActionState collect(CollectRequest request) {
        return refusing(() -> externalCalls.collect(request));
    }

    @Override
    public void validateReport(ReportedOutcome outcome) {
        refuseOversized("the reported result", PayloadBounds.jsonBytes(outcome.result()));
        refuseOversized("the reported error", PayloadBounds.utf8Length(outcome.error()));
        externalCalls.checkReport(outcome);
    }

    @Override
    public ActionState report(ReportedOutcome outcome) {
        return refusing(() -> externalCalls.report(outcome));
    }

    @Override
    public void guide(TaskMessage guidance) {
        if (state.status.closed() || guidance.text().isBlank()) {
            return;
        }
        // A signal has no validator to refuse it, so oversized guidance is kept cut, with its marker.
        String text = PayloadBounds.text(guidance.text(), PayloadBounds.MAX_VALUE_BYTES);
        state.transcript.add(
                new TranscriptEntry(TranscriptKind.GUIDANCE, null, null, null, text, guidance.by(), TaskBoard.now()));
        board.touch();
    }

    @Override
    public TaskView view() {
        return state.view();
    }

    @Override
    public ActionView action(String actionId) {
        ActionRecord action = state.findAction(actionId);
        return action == null ? null : action.view();
    }

    /** Runs a handler, reporting a refusal to the client as the ApplicationFailure it maps to. */
    private static <T> T refusing(Supplier<T> handler) {
        try {
            return handler.get();
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
}
