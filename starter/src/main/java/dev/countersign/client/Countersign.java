package dev.countersign.client;

import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.PendingApproval;
import dev.countersign.history.TaskHistory;
import dev.countersign.listing.ActionPages;
import dev.countersign.listing.TaskRead;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.RollbackRequest;
import dev.countersign.review.RollbackResult;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskView;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The Java facade over Countersign's workflows, for APIs and agent applications: start tasks, read
 * them, find and decide approvals, steer, review and roll back what ran. Identities passed in must come from authentication.
 */
public interface Countersign {

    /**
     * Starts a task, or finds the one already started with this id. Throws {@link TaskConflict}
     * when that id was started with a different agent, goal or input, and {@link UnknownAgent} when
     * no agent model serves the agent.
     */
    StartedTask start(TaskStart start);

    Optional<TaskView> task(String taskId);

    /** Tasks that could be read, newest first, at most {@code limit}; see {@link #taskList}. */
    List<TaskView> tasks(int limit);

    /**
     * Tasks, newest first, at most {@code limit}, each read within {@code
     * countersign.listing.read-timeout}: a task that cannot be read is listed as an {@link
     * dev.countersign.listing.UnreadableTask} and the rest answers.
     */
    List<TaskRead> taskList(int limit);

    /**
     * One task read within the listing's deadline, or why it cannot be; empty when it does not exist.
     * Its view holds the first page of its actions, as {@link #read(String, String, int)} with no
     * {@code after} and {@link ActionPages#DEFAULT_LIMIT}.
     */
    Optional<TaskRead> read(String taskId);

    /**
     * One task read as {@link #read(String)} does, its view holding one page of the actions of all
     * its runs, oldest first: at most {@code limit} after the action {@code after} (null for the
     * first), and in its {@code page} the id to ask for the next page with when more may follow. Its
     * {@code counts} cover the whole task. Throws {@link IllegalArgumentException} for an {@code
     * after} that is not an action id ({@code a<number>}) or a {@code limit} below 1.
     */
    Optional<TaskRead> read(String taskId, String after, int limit);

    /** Pending approvals this reviewer may decide now, newest first. */
    List<PendingApproval> approvalsFor(String reviewer, Collection<String> groups);

    /**
     * The reviewer's inbox read within the listing's deadline: what {@link #approvalsFor} answers,
     * and the unreadable tasks that visibility says await one of these groups.
     */
    ApprovalInbox inbox(String reviewer, Collection<String> groups);

    /**
     * One page of the inbox: the tasks on one page of visibility's listing of those awaiting these
     * groups ({@code limit} of them at most, newest task first, after the page {@code pageToken}
     * names, null for the first), each read as {@link #inbox(String, Collection)} reads them, and the
     * token of the next page. A page can hold fewer approvals than {@code limit} (a task decided
     * meanwhile, or awaiting only another of its groups' approvals) and, rarely, more (a task holding
     * several approvals for this reviewer). An empty page is answered with a next token only after
     * several pages in a row were found empty. Throws {@link dev.countersign.inbox.InvalidPageToken}
     * for a token this server did not issue, and {@link IllegalArgumentException} for a limit below 1.
     */
    ApprovalInbox inbox(String reviewer, Collection<String> groups, int limit, String pageToken);

    /** The pending approval with this id, whoever may decide it. */
    Optional<PendingApproval> approval(String approvalId);

    /**
     * Sends a decision to the task's workflow and returns its synchronous answer. Throws
     * {@link ApprovalNotFound} for an unknown id and {@link DecisionRefused} when the workflow
     * refuses it (its {@code type()} is one of the DecisionRefusal types; {@code InvalidDecision} for
     * edited arguments the tool's schema refuses, as the workflow's policy check finds).
     */
    DecisionResult decide(DecisionRequest decision);

    /** Sends guidance; throws {@link TaskNotFound}, or {@link TaskNotActive} when the task ended. */
    void guide(String taskId, TaskMessage guidance);

    /** Answers the agent's open question; throws {@link TaskNotFound} or {@link DecisionRefused}. */
    void answer(String taskId, TaskMessage answer);

    /** Cancels the task; throws {@link TaskNotFound} or {@link DecisionRefused}. */
    void cancel(String taskId, TaskMessage reason);

    /**
     * Cancels the task and rolls back what it ran, newest first, before it ends; throws {@link
     * TaskNotFound} or {@link DecisionRefused}.
     */
    void cancelAndRollBack(String taskId, TaskMessage reason);

    /**
     * Executed actions waiting for a verdict this caller may give, newest first; for operators also
     * the actions whose rollback failed.
     */
    List<PendingReview> reviewsFor(String reviewer, Collection<String> groups, boolean operator);

    /**
     * What {@link #reviewsFor} answers, read within the listing's deadline, and for operators the
     * running tasks that could not be read.
     */
    ReviewQueue reviewQueue(String reviewer, Collection<String> groups, boolean operator);

    /**
     * Asks Temporal to cancel the task's workflow (a cancellation request, which even a task that
     * cannot answer receives); the workflow ends when it next runs. Throws {@link TaskNotFound}, or
     * {@link TaskNotActive} when it has ended.
     */
    void requestCancellation(String taskId, TaskMessage reason);

    /**
     * Terminates the task's workflow at once, recorded as "terminated by {@code operator}: {@code
     * reason}"; nothing it would still do runs, no compensation included. Throws {@link
     * TaskNotFound}, or {@link TaskNotActive} when it has ended.
     */
    void terminate(String taskId, String operator, String reason);

    /**
     * Gives a verdict on one executed action (a rollback runs its compensation) and returns the
     * action's review after it. Throws {@link TaskNotFound}, or {@link DecisionRefused} with a
     * DecisionRefusal type: UnknownAction, NotAllowedToReview, ReviewWindowClosed (also once the task
     * ended), AlreadyReviewed, NotUnderReview, NoCompensation, ...
     */
    ReviewResult review(String taskId, ReviewRequest review);

    /** Rolls back every executed action of the task that can still be, newest first (a saga). */
    RollbackResult rollback(String taskId, RollbackRequest rollback);

    /**
     * An operator retries a failed compensation or records that it was resolved by hand ({@code
     * RETRY}, {@code RESOLVE}), or says whether a call of unknown outcome was done ({@code DONE},
     * {@code NOT_DONE}: the action becomes EXECUTED or FAILED and the agent goes on). Throws {@link
     * TaskNotFound}, or {@link DecisionRefused}: UnknownAction, NotAllowedToReview (not an operator),
     * NotApplicable (nothing of that kind to answer), InvalidDecision (a comment is needed).
     */
    ReviewResult attend(String taskId, AttentionRequest request);

    /**
     * The task's story for operators, read from its workflow's event history, oldest first; throws
     * {@link TaskNotFound}.
     */
    TaskHistory history(String taskId);
}
