package dev.countersign.task;

import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.RollbackRequest;
import dev.countersign.review.RollbackResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One agent task: the agent proposes steps, the policy decides which tool calls need a person,
 * reviewers decide, and approved calls run exactly once; executed calls may then be reviewed and
 * rolled back through their compensations. The workflow id is the task id; a long task continues as
 * new under it, carrying its state, so address it by workflow id, never by run id.
 */
@WorkflowInterface
public interface AgentTaskWorkflow {

    String TASK_QUEUE = "countersign";

    /**
     * Runs the task. {@code carried} is null when a client starts it; a run that continues as new
     * hands its state to the next.
     */
    @WorkflowMethod
    TaskView run(TaskStart start, TaskState carried);

    // An Update: the reviewer gets a synchronous answer, and a refused decision leaves no event.
    @UpdateMethod
    DecisionResult decide(DecisionRequest decision);

    @UpdateValidatorMethod(updateName = "decide")
    void validateDecide(DecisionRequest decision);

    // An Update: the person answering learns at once whether a question was open.
    @UpdateMethod
    void answer(TaskMessage answer);

    @UpdateValidatorMethod(updateName = "answer")
    void validateAnswer(TaskMessage answer);

    // An Update: cancelling a task that already ended must be refused synchronously.
    @UpdateMethod
    void cancel(TaskMessage reason);

    @UpdateValidatorMethod(updateName = "cancel")
    void validateCancel(TaskMessage reason);

    // An Update: cancelling is refused synchronously once the task ended, and what ran is rolled back
    // by the workflow before it ends.
    @UpdateMethod
    void cancelAndRollBack(TaskMessage reason);

    @UpdateValidatorMethod(updateName = "cancelAndRollBack")
    void validateCancelAndRollBack(TaskMessage reason);

    // An Update: the reviewer learns at once whether the verdict applied and what a rollback did.
    @UpdateMethod
    ReviewResult review(ReviewRequest review);

    @UpdateValidatorMethod(updateName = "review")
    void validateReview(ReviewRequest review);

    // An Update: the caller waits for the saga's outcome, and a refused rollback leaves no event.
    @UpdateMethod
    RollbackResult rollback(RollbackRequest rollback);

    @UpdateValidatorMethod(updateName = "rollback")
    void validateRollback(RollbackRequest rollback);

    // An Update: an operator retries a failed compensation, or records that it was resolved by hand.
    @UpdateMethod
    ReviewResult attend(AttentionRequest request);

    @UpdateValidatorMethod(updateName = "attend")
    void validateAttend(AttentionRequest request);

    // An Update: the MCP gateway learns at once which action holds the call, or why it is refused.
    @UpdateMethod
    SubmittedCallReceipt submit(SubmittedCall call);

    @UpdateValidatorMethod(updateName = "submit")
    void validateSubmit(SubmittedCall call);

    // An Update: the caller is back for an approved call, which then runs; refused for unknown calls.
    @UpdateMethod
    ActionState collect(CollectRequest request);

    @UpdateValidatorMethod(updateName = "collect")
    void validateCollect(CollectRequest request);

    // An Update: the agent learns at once whether its report was taken, or why not (used, not allowed).
    @UpdateMethod
    ActionState report(ReportedOutcome outcome);

    @UpdateValidatorMethod(updateName = "report")
    void validateReport(ReportedOutcome outcome);

    // A Signal: guidance is fire-and-forget; the agent reads it before its next step.
    @SignalMethod
    void guide(TaskMessage guidance);

    // A Query: reads the one state holder without adding to history.
    @QueryMethod
    TaskView view();

    // A Query: one action of this run as it stands, or null when this run does not hold it.
    @QueryMethod
    ActionView action(String actionId);
}
