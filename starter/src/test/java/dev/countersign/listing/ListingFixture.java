package dev.countersign.listing;

import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.client.TemporalCountersign;
import dev.countersign.history.TaskHistoryReader;
import dev.countersign.inbox.ScanningTaskDirectory;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.RollbackRequest;
import dev.countersign.review.RollbackResult;
import dev.countersign.task.ActionCounts;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.CollectRequest;
import dev.countersign.task.InboxMemo;
import dev.countersign.task.ReportedOutcome;
import dev.countersign.task.SubmittedCall;
import dev.countersign.task.SubmittedCallReceipt;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskSearchAttributes;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.Workflow;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Temporal test service with three kinds of task: healthy ones that answer their view, wedged
 * ones whose workflow task fails forever, and silent ones on a task queue no worker polls (their
 * queries wait until the deadline), the last started with search attributes that say they await
 * support-leads, as a task that wedged while waiting for an approval would.
 */
final class ListingFixture implements AutoCloseable {

    static final String HEALTHY = "healthy";
    static final String WEDGED = "wedged";
    static final String SILENT = "nobody-polls";

    final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TaskReadFailures failures = new TaskReadFailures(meters, Clock.systemUTC());
    final TaskReads reads;
    final TemporalCountersign countersign;

    ListingFixture(Duration readTimeout, int parallelism, WorkflowClient listingBase) {
        env.registerSearchAttribute(TaskSearchAttributes.STATUS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
        env.registerSearchAttribute(
                TaskSearchAttributes.GROUPS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST);
        env.registerSearchAttribute(
                TaskSearchAttributes.REQUESTER.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
        env.newWorker(HEALTHY).registerWorkflowImplementationTypes(HealthyTask.class);
        env.newWorker(WEDGED).registerWorkflowImplementationTypes(WedgedTask.class);
        env.start();
        WorkflowClient base = listingBase == null ? client() : listingBase;
        reads = TaskReads.on(base, new ListingProperties(readTimeout, parallelism), failures);
        countersign = new TemporalCountersign(
                client(),
                new ScanningTaskDirectory(client()),
                HEALTHY,
                Set.of("agent"),
                new TaskHistoryReader(client(), null),
                reads,
                Clock.systemUTC());
    }

    ListingFixture(Duration readTimeout, int parallelism) {
        this(readTimeout, parallelism, null);
    }

    WorkflowClient client() {
        return env.getWorkflowClient();
    }

    void start(String queue, String taskId) {
        start(queue, taskId, null);
    }

    /**
     * A silent task that published its pending approvals in its memo ({@link InboxMemo}), as a task
     * waiting for them does; no worker runs it, so it cannot answer a query.
     */
    void startPublished(String taskId, InboxMemo memo) {
        start(SILENT, taskId, memo);
    }

    private void start(String queue, String taskId, InboxMemo memo) {
        WorkflowOptions.Builder options =
                WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(taskId);
        if (memo != null) {
            options.setMemo(Map.of(InboxMemo.KEY, memo));
        }
        if (queue.equals(SILENT)) {
            options.setTypedSearchAttributes(SearchAttributes.newBuilder()
                    .set(TaskSearchAttributes.STATUS, "AWAITING_APPROVAL")
                    .set(TaskSearchAttributes.GROUPS, List.of("support-leads"))
                    .set(TaskSearchAttributes.REQUESTER, "dave")
                    .build());
        }
        AgentTaskWorkflow task = client().newWorkflowStub(AgentTaskWorkflow.class, options.build());
        WorkflowClient.start(task::run, new TaskStart(taskId, "agent", "goal", Map.of(), "dave"), null);
        if (queue.equals(HEALTHY)) {
            // Through the main client, whose query waits for the first workflow task: from then on it answers.
            client().newWorkflowStub(AgentTaskWorkflow.class, taskId).view();
        }
    }

    double failedReads(String reason) {
        var counter = meters.find(TaskReadFailures.METER).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        reads.close();
        env.close();
    }

    /** Answers every view; runs until cancelled or terminated. */
    public static class HealthyTask extends UnusedHandlers {

        private TaskView view;

        @Override
        public TaskView run(TaskStart start, dev.countersign.task.TaskState carried) {
            view = new TaskView(
                    start.taskId(),
                    start.agent(),
                    start.goal(),
                    start.input(),
                    start.requester(),
                    TaskStatus.RUNNING,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    0,
                    ActionCounts.NONE,
                    null,
                    null,
                    null,
                    null);
            Workflow.await(() -> false);
            return view;
        }

        @Override
        public TaskView view() {
            return view;
        }
    }

    /** Its workflow task fails every time, as one whose commands pass the payload limit does. */
    public static class WedgedTask extends UnusedHandlers {

        @Override
        public TaskView run(TaskStart start, dev.countersign.task.TaskState carried) {
            throw new IllegalStateException("this task's workflow task fails forever");
        }

        @Override
        public TaskView view() {
            throw new IllegalStateException("this task cannot be read");
        }
    }

    /** The handlers these fakes never serve. */
    abstract static class UnusedHandlers implements AgentTaskWorkflow {

        @Override
        public DecisionResult decide(DecisionRequest decision) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void validateDecide(DecisionRequest decision) {}

        @Override
        public void answer(TaskMessage answer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void validateAnswer(TaskMessage answer) {}

        @Override
        public void cancel(TaskMessage reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void validateCancel(TaskMessage reason) {}

        @Override
        public void cancelAndRollBack(TaskMessage reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void validateCancelAndRollBack(TaskMessage reason) {}

        @Override
        public ReviewResult review(ReviewRequest review) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void validateReview(ReviewRequest review) {}

        @Override
        public RollbackResult rollback(RollbackRequest rollback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void validateRollback(RollbackRequest rollback) {}

        @Override
        public ReviewResult attend(AttentionRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void validateAttend(AttentionRequest request) {}

        @Override
        public SubmittedCallReceipt submit(SubmittedCall call) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void validateSubmit(SubmittedCall call) {}

        @Override
        public ActionState collect(CollectRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void validateCollect(CollectRequest request) {}

        @Override
        public ActionView action(String actionId) {
            return null;
        }

        @Override
        public ActionState report(ReportedOutcome outcome) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void validateReport(ReportedOutcome outcome) {}

        @Override
        public void guide(TaskMessage guidance) {}
    }
}
