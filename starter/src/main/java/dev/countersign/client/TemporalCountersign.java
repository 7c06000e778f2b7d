package dev.countersign.client;

import dev.countersign.approval.ApprovalId;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.PendingApproval;
import dev.countersign.history.TaskHistory;
import dev.countersign.history.TaskHistoryReader;
import dev.countersign.inbox.InboxMemos;
import dev.countersign.inbox.TaskDirectory;
import dev.countersign.inbox.TaskIdPage;
import dev.countersign.listing.ActionPages;
import dev.countersign.listing.ArchivedActionReader;
import dev.countersign.listing.TaskRead;
import dev.countersign.listing.TaskReads;
import dev.countersign.listing.UnreadableTask;
import dev.countersign.payload.Digests;
import dev.countersign.payload.PayloadBounds;
import dev.countersign.review.ActionReview;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewState;
import dev.countersign.review.RollbackRequest;
import dev.countersign.review.RollbackResult;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.InboxMemo;
import dev.countersign.task.StepBudget;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskView;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.workflow.Functions;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade over a Temporal client: one workflow per task, decisions as Updates whose update id is
 * the decision id (so the server, too, answers a repeated delivery with the first result).
 */
public class TemporalCountersign implements Countersign {

    private static final Logger log = LoggerFactory.getLogger(TemporalCountersign.class);

    /**
     * How many pages in a row an inbox page reads while it finds nothing (tasks decided since
     * visibility listed them) before it answers an empty page with its next token.
     */
    static final int MAX_EMPTY_PAGES = 4;

    private final WorkflowClient client;
    private final TaskDirectory directory;
    private final String taskQueue;
    private final Set<String> agents;
    private final TaskHistoryReader history;
    private final TaskReads reads;
    private final Clock clock;
    private final TaskCalls calls;
    private final TaskEndings endings;
    private ActionPages pages = new ActionPages(ArchivedActionReader.NONE);
    private int maxPayloadBytes = PayloadBounds.MAX_VALUE_BYTES;
    private Function<String, StepBudget> budgets = agent -> StepBudget.DEFAULT;

    /**
     * @param clock tells which review windows are still open
     */
    public TemporalCountersign(
            WorkflowClient client,
            TaskDirectory directory,
            String taskQueue,
            Set<String> agents,
            TaskHistoryReader history,
            TaskReads reads,
            Clock clock) {
        this.client = client;
        this.directory = directory;
        this.taskQueue = taskQueue;
        this.agents = Set.copyOf(agents);
        this.history = history;
        this.reads = reads;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calls = new TaskCalls(client);
        this.endings = new TaskEndings(client, this::task);
    }

    /** The step budget of each agent's tasks (its entry in the agents file). */
    public TemporalCountersign withBudgets(Function<String, StepBudget> budgetOfAgent) {
        this.budgets = budgetOfAgent;
        return this;
    }

    /**
     * Where reads find the actions that earlier runs of a long task archived; without one, a read
     * pages only the actions the task's current run holds.
     */
    public TemporalCountersign withArchivedActions(ArchivedActionReader archive) {
        this.pages = new ActionPages(archive);
        return this;
    }

    /**
     * The largest comment, answer, guidance or edited arguments this facade passes on
     * ({@code countersign.limits.max-payload}); larger ones are refused with {@link PayloadTooLarge}.
     */
    public TemporalCountersign withPayloadLimit(int maxBytes) {
        if (maxBytes <= 0 || maxBytes > PayloadBounds.MAX_VALUE_BYTES) {
            throw new IllegalArgumentException(
                    "the payload limit must lie between 1 and " + PayloadBounds.MAX_VALUE_BYTES + " bytes");
        }
        this.maxPayloadBytes = maxBytes;
        return this;
    }

    /** Refuses a value larger than the payload limit before it reaches Temporal. */
    private void refuseOversized(String what, int bytes) {
        if (bytes > maxPayloadBytes) {
            throw new PayloadTooLarge(what, bytes, maxPayloadBytes);
        }
    }

    @Override
    public StartedTask start(TaskStart start) {
        refuseOversized(
                "the task's goal and input",
                PayloadBounds.utf8Length(start.goal()) + PayloadBounds.jsonBytes(start.input()));
        if (!agents.contains(start.agent())) {
            throw new UnknownAgent("no agent model serves the agent '" + start.agent() + "'; known agents: "
                    + agents.stream().sorted().toList());
        }
        AgentTaskWorkflow workflow = client.newWorkflowStub(
                AgentTaskWorkflow.class,
                TaskStartOptions.of(start, taskQueue)
                        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                        .build());
        try {
            WorkflowClient.start(workflow::run, start.withBudget(budgets.apply(start.agent())), null);
            return new StartedTask(start.taskId(), true, "RUNNING");
        } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
            TaskView existing = task(start.taskId())
                    .orElseThrow(() -> new TaskConflict("task " + start.taskId() + " exists but cannot be read"));
            TaskStart earlier = new TaskStart(
                    existing.taskId(), existing.agent(), existing.goal(), existing.input(), existing.requester());
            if (!earlier.sameRequestAs(start)) {
                throw new TaskConflict(
                        "task " + start.taskId() + " was already started with a different agent, goal or input");
            }
            return new StartedTask(start.taskId(), false, existing.status().name());
        }
    }

    @Override
    public Optional<TaskView> task(String taskId) {
        try {
            return Optional.of(stub(taskId).view());
        } catch (WorkflowNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<TaskView> tasks(int limit) {
        return taskList(limit).stream()
                .map(TaskRead::view)
                .filter(Objects::nonNull)
                .toList();
    }

    @Override
    public List<TaskRead> taskList(int limit) {
        return reads.readAll(directory.recentTaskIds(limit));
    }

    @Override
    public Optional<TaskRead> read(String taskId) {
        return read(taskId, null, ActionPages.DEFAULT_LIMIT);
    }

    @Override
    public Optional<TaskRead> read(String taskId, String after, int limit) {
        ActionPages.requireValid(after, limit); // before the query, which a bad page need not cost
        return reads.read(taskId)
                .map(read ->
                        read.readable() ? TaskRead.paged(read.view(), pages.page(read.view(), after, limit)) : read);
    }

    @Override
    public List<PendingApproval> approvalsFor(String reviewer, Collection<String> groups) {
        return inbox(reviewer, groups).approvals();
    }

    @Override
    public ApprovalInbox inbox(String reviewer, Collection<String> groups) {
        return inboxOf(List.of(), reads.readAll(directory.awaitingApprovalTaskIds(groups)), reviewer, groups, null);
    }

    @Override
    public ApprovalInbox inbox(String reviewer, Collection<String> groups, int limit, String pageToken) {
        if (limit < 1) {
            throw new IllegalArgumentException("an inbox page holds at least one task, was " + limit);
        }
        ApprovalInbox page;
        String token = pageToken;
        int pagesRead = 0;
        do {
            TaskIdPage ids = directory.awaitingApprovalPage(groups, limit, token);
            token = ids.nextPageToken();
            // Tasks that published their pending approvals (InboxMemo) are not asked; the rest are.
            List<String> unpublished = ids.taskIds().stream()
                    .filter(id -> !ids.memos().containsKey(id))
                    .toList();
            List<PendingApproval> published = ids.memos().values().stream()
                    .flatMap(memo -> memo.approvals().stream())
                    .toList();
            page = inboxOf(published, reads.readAll(unpublished), reviewer, groups, token);
            pagesRead++;
        } while (page.isEmpty() && token != null && pagesRead < MAX_EMPTY_PAGES);
        return page;
    }

    private static ApprovalInbox inboxOf(
            List<PendingApproval> published,
            List<TaskRead> read,
            String reviewer,
            Collection<String> groups,
            String nextPageToken) {
        List<PendingApproval> approvals = Stream.concat(
                        published.stream(),
                        read.stream()
                                .map(TaskRead::view)
                                .filter(Objects::nonNull)
                                .flatMap(view -> view.pendingApprovals().stream()))
                .filter(pending -> pending.decidableBy(reviewer, groups))
                .sorted(Comparator.comparing(PendingApproval::requestedAt).reversed())
                .toList();
        List<UnreadableTask> unreadable = read.stream()
                .map(TaskRead::unreadable)
                .filter(Objects::nonNull)
                .filter(UnreadableTask::isRunning)
                .filter(task -> task.awaitingGroups().stream().anyMatch(groups::contains))
                .toList();
        return new ApprovalInbox(approvals, unreadable, nextPageToken);
    }

    /**
     * From the task's memo ({@link InboxMemo}) as the server holds it now, when the task published
     * one: the server answers without the worker (a bulk decision reads every approval first); else
     * from the task's view.
     */
    @Override
    public Optional<PendingApproval> approval(String approvalId) {
        return ApprovalId.parse(approvalId)
                .flatMap(id -> published(id.taskId())
                        .map(memo -> memo.approvals().stream())
                        .orElseGet(() -> task(id.taskId()).stream().flatMap(view -> view.pendingApprovals().stream()))
                        .filter(pending -> pending.approvalId().equals(approvalId))
                        .findFirst());
    }

    /** The running task's complete inbox memo, described by the server; empty for any other task. */
    private Optional<InboxMemo> published(String taskId) {
        try {
            WorkflowExecutionDescription description =
                    client.newUntypedWorkflowStub(taskId).describe();
            if (description.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                return Optional.empty();
            }
            return InboxMemos.of(client, description.getWorkflowExecutionInfo());
        } catch (WorkflowException | StatusRuntimeException unknown) {
            return Optional.empty(); // the view says what became of it
        }
    }

    /**
     * Edited arguments are checked by the workflow, through the policy activity, against the tool's
     * schema: one that fails it is refused there with {@code InvalidDecision}.
     */
    @Override
    public DecisionResult decide(DecisionRequest decision) {
        ApprovalId approval = ApprovalId.parse(decision.approvalId())
                .orElseThrow(() -> new ApprovalNotFound("no approval " + decision.approvalId()));
        refuseOversized("the comment", PayloadBounds.utf8Length(decision.comment()));
        if (decision.args() != null) {
            refuseOversized("the edited arguments", PayloadBounds.jsonBytes(decision.args()));
        }
        String taskId = approval.taskId();
        return calls.call(
                taskId,
                update(taskId, task -> task::decide, decision, updateId(decision)),
                () -> endings.decisionAfterEnd(approval),
                () -> new ApprovalNotFound("no approval " + decision.approvalId()));
    }

    @Override
    public void guide(String taskId, TaskMessage guidance) {
        refuseOversized("the guidance", PayloadBounds.utf8Length(guidance.text()));
        calls.send(taskId, () -> stub(taskId).guide(guidance), () -> endings.endedOrMissing(taskId));
    }

    @Override
    public void answer(String taskId, TaskMessage answer) {
        refuseOversized("the answer", PayloadBounds.utf8Length(answer.text()));
        calls.send(taskId, () -> stub(taskId).answer(answer), () -> endings.endedOrMissing(taskId));
    }

    @Override
    public void cancel(String taskId, TaskMessage reason) {
        calls.send(taskId, () -> stub(taskId).cancel(reason), () -> endings.endedOrMissing(taskId));
    }

    @Override
    public void cancelAndRollBack(String taskId, TaskMessage reason) {
        calls.send(taskId, () -> stub(taskId).cancelAndRollBack(reason), () -> endings.endedOrMissing(taskId));
    }

    @Override
    public List<PendingReview> reviewsFor(String reviewer, Collection<String> groups, boolean operator) {
        return reviewQueue(reviewer, groups, operator).reviews();
    }

    @Override
    public ReviewQueue reviewQueue(String reviewer, Collection<String> groups, boolean operator) {
        Instant now = clock.instant();
        List<TaskRead> read = reads.readAll(directory.awaitingReviewTaskIds(groups, operator));
        List<PendingReview> reviews = read.stream()
                .map(TaskRead::view)
                .filter(Objects::nonNull)
                .flatMap(task -> task.actions().stream()
                        .filter(action -> awaits(action, task.requester(), reviewer, groups, operator, now))
                        .map(action -> new PendingReview(task.taskId(), task.requester(), task.status(), action)))
                .sorted(Comparator.comparing(
                                (PendingReview pending) ->
                                        pending.action().review().windowEndsAt(),
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
        List<UnreadableTask> unreadable = operator
                ? read.stream()
                        .map(TaskRead::unreadable)
                        .filter(Objects::nonNull)
                        .filter(UnreadableTask::isRunning)
                        .toList()
                : List.of();
        return new ReviewQueue(reviews, unreadable);
    }

    @Override
    public void requestCancellation(String taskId, TaskMessage reason) {
        WorkflowStub workflow = client.newUntypedWorkflowStub(taskId);
        calls.send(
                taskId,
                () -> {
                    // Some servers (the Java test server) take a cancellation request for an ended workflow.
                    WorkflowExecutionStatus status = workflow.describe().getStatus();
                    if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                        throw new TaskNotActive("task " + taskId + " has ended: " + TaskReads.statusName(status));
                    }
                    workflow.cancel("cancelled by " + reason.by() + ": " + reason.text());
                },
                () -> new TaskNotFound("no task " + taskId));
        log.info(
                "task {}: Temporal cancellation requested by '{}': {}",
                clean(taskId),
                clean(reason.by()),
                clean(reason.text()));
    }

    @Override
    public void terminate(String taskId, String operator, String reason) {
        calls.send(
                taskId,
                () -> client.newUntypedWorkflowStub(taskId).terminate("terminated by " + operator + ": " + reason),
                () -> endings.closedOrMissing(taskId));
        log.info("task {} terminated by operator '{}': {}", clean(taskId), clean(operator), clean(reason));
    }

    /** Text for a log line: control characters (a forged second line) become '?'. */
    private static String clean(String text) {
        return text == null ? null : text.replaceAll("\\p{Cntrl}", "?");
    }

    private static boolean awaits(
            ActionView action,
            String requester,
            String reviewer,
            Collection<String> groups,
            boolean operator,
            Instant now) {
        ActionReview review = action.review();
        if (review.state() == ReviewState.ROLLBACK_FAILED || action.state() == ActionState.OUTCOME_UNKNOWN) {
            return operator;
        }
        return review.openAt(now) && review.reviewableBy(reviewer, groups, operator, requester);
    }

    @Override
    public ReviewResult review(String taskId, ReviewRequest review) {
        refuseOversized("the comment", PayloadBounds.utf8Length(review.comment()));
        String bound =
                "review\n" + review.reviewer() + "\n" + taskId + "\n" + review.actionId() + "\n" + review.reviewId();
        return calls.call(
                taskId,
                update(taskId, task -> task::review, review, "review-" + Digests.sha256Hex(bound)),
                () -> endings.reviewAfterEnd(taskId, review.actionId()));
    }

    @Override
    public RollbackResult rollback(String taskId, RollbackRequest rollback) {
        refuseOversized("the comment", PayloadBounds.utf8Length(rollback.comment()));
        String bound = "rollback\n" + rollback.by() + "\n" + taskId + "\n" + rollback.rollbackId();
        return calls.call(
                taskId,
                update(taskId, task -> task::rollback, rollback, "rollback-" + Digests.sha256Hex(bound)),
                () -> endings.endedOrMissing(taskId));
    }

    @Override
    public ReviewResult attend(String taskId, AttentionRequest request) {
        refuseOversized("the comment", PayloadBounds.utf8Length(request.comment()));
        String bound = "attend\n" + request.operatorName() + "\n" + taskId + "\n" + request.actionId() + "\n"
                + request.requestId();
        return calls.call(
                taskId,
                update(taskId, task -> task::attend, request, "attend-" + Digests.sha256Hex(bound)),
                () -> endings.reviewAfterEnd(taskId, request.actionId()));
    }

    /**
     * An Update of the task started through its typed stub under an explicit update id, waited for
     * until the workflow answers it: the id is what the server deduplicates a repeated delivery by.
     */
    private <A, R> Supplier<R> update(
            String taskId, Function<AgentTaskWorkflow, Functions.Func1<A, R>> handler, A request, String updateId) {
        UpdateOptions<R> options = UpdateOptions.<R>newBuilder()
                .setUpdateId(updateId)
                .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                .build();
        return () -> WorkflowClient.startUpdate(handler.apply(stub(taskId)), request, options)
                .getResult();
    }

    @Override
    public TaskHistory history(String taskId) {
        return history.read(taskId);
    }

    /**
     * The server answers a repeated update id with its first result before any validator runs, so
     * the id binds the decision id to its reviewer, approval and content (kind, digest, comment,
     * arguments): an exact retry is answered by the server, while a key reused by someone else or
     * for a different decision reaches the workflow, which remembers every decision id it applied
     * and refuses it ({@code IdempotencyKeyReused}). The workflow, not this client, compares the
     * decisions, so the answer holds across replicas and after the approval closed.
     */
    static String updateId(DecisionRequest decision) {
        String bound = decision.reviewer() + "\n" + decision.approvalId() + "\n" + decision.decisionId() + "\n"
                + decision.kind().wireName() + "\n" + decision.argsDigest() + "\n" + decision.comment() + "\n"
                + decision.args();
        return "decision-" + Digests.sha256Hex(bound);
    }

    private AgentTaskWorkflow stub(String taskId) {
        return client.newWorkflowStub(AgentTaskWorkflow.class, taskId);
    }
}
