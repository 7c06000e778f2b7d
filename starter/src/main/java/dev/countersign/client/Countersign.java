package dev.countersign.client;

import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.PendingApproval;
import dev.countersign.history.TaskHistory;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskView;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The Java facade over Countersign's workflows, for APIs and agent applications: start tasks, read
 * them, find and decide approvals, steer. Identities passed in must come from authentication.
 */
public interface Countersign {

    /**
     * Starts a task, or finds the one already started with this id. Throws {@link TaskConflict}
     * when that id was started with a different agent, goal or input, and {@link UnknownAgent} when
     * no agent model serves the agent.
     */
    StartedTask start(TaskStart start);

    Optional<TaskView> task(String taskId);

    /** Tasks, newest first, at most {@code limit}. */
    List<TaskView> tasks(int limit);

    /** Pending approvals this reviewer may decide now, newest first. */
    List<PendingApproval> approvalsFor(String reviewer, Collection<String> groups);

    /** The pending approval with this id, whoever may decide it. */
    Optional<PendingApproval> approval(String approvalId);

    /**
     * Sends a decision to the task's workflow and returns its synchronous answer. Throws
     * {@link ApprovalNotFound} for an unknown id and {@link DecisionRefused} when the workflow
     * refuses it (its {@code type()} is one of the DecisionRefusal types).
     */
    DecisionResult decide(DecisionRequest decision);

    /** Sends guidance; throws {@link TaskNotFound}, or {@link TaskNotActive} when the task ended. */
    void guide(String taskId, TaskMessage guidance);

    /** Answers the agent's open question; throws {@link TaskNotFound} or {@link DecisionRefused}. */
    void answer(String taskId, TaskMessage answer);

    /** Cancels the task; throws {@link TaskNotFound} or {@link DecisionRefused}. */
    void cancel(String taskId, TaskMessage reason);

    /**
     * The task's story for operators, read from its workflow's event history, oldest first; throws
     * {@link TaskNotFound}.
     */
    TaskHistory history(String taskId);
}
