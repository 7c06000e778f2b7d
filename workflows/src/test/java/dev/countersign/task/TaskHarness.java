package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.m3.tally.RootScopeBuilder;
import dev.countersign.agent.AgentActivities;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.review.AttentionKind;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewVerdict;
import dev.countersign.review.RollbackRequest;
import dev.countersign.review.RollbackResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A time-skipping Temporal test environment with the task workflow, the test agent and policy,
 * and recording tools; plus the people of the demo: dave requests, alice leads support, bob and
 * carol are in finance.
 */
final class TaskHarness implements AutoCloseable {

    static final String REQUESTER = "dave";
    static final Map<String, Set<String>> GROUPS = Map.of(
            "dave", Set.of("support-agents"),
            "alice", Set.of("support-leads"),
            "bob", Set.of("finance"),
            "carol", Set.of("finance"),
            "erin", Set.of("support-leads", "support-agents"),
            "frank", Set.of("finance-managers"),
            "olga", Set.of("operators"));

    /**
     * Every workflow task replays the whole history on the worker that picks it up, as after a
     * restart. The test server never moves a task off a dead worker's sticky queue, which a real
     * server does after the sticky schedule-to-start timeout.
     */
    static final WorkerOptions NO_STICKY_CACHE = WorkerOptions.newBuilder()
            .setStickyQueueScheduleToStartTimeout(Duration.ZERO)
            .build();

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
            .setMetricsScope(new RootScopeBuilder()
                    .reporter(new MicrometerClientStatsReporter(meters))
                    .reportEvery(com.uber.m3.util.Duration.ofMillis(10)))
            .build());
    final RecordingTools tools = new RecordingTools();
    final RefundTestPolicy policy = new RefundTestPolicy();
    final RecordingNotifier notifier = new RecordingNotifier();
    final RecordingArchive archive = new RecordingArchive();
    final RecordingDecisionStore records = new RecordingDecisionStore();
    final WorkflowClient client = env.getWorkflowClient();
    private final AtomicInteger ids = new AtomicInteger();

    private final AgentActivities agent;

    TaskHarness() {
        this(new RefundTestAgent());
    }

    /** A harness whose tasks are driven by this agent instead of {@link RefundTestAgent}. */
    TaskHarness(AgentActivities agent) {
        this.agent = agent;
        TaskSearchAttributes.ALL.forEach(key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
        Worker worker = env.newWorker(AgentTaskWorkflow.TASK_QUEUE, NO_STICKY_CACHE);
        register(worker);
        env.start();
    }

    void register(Worker worker) {
        worker.registerWorkflowImplementationTypes(AgentTaskWorkflowImpl.class);
        worker.registerActivitiesImplementations(agent, policy, tools, notifier, archive, records);
    }

    String startRefund(double amount) {
        return start(Map.of("orderId", "A-1", "amount", amount), REQUESTER);
    }

    String start(Map<String, Object> input, String requester) {
        return start(input, requester, StepBudget.DEFAULT);
    }

    String start(Map<String, Object> input, String requester, StepBudget budget) {
        String taskId = "task-" + ids.incrementAndGet();
        WorkflowClient.start(
                stub(taskId, true)::run, new TaskStart(taskId, "support", "refund", input, requester, budget), null);
        return taskId;
    }

    AgentTaskWorkflow stub(String taskId) {
        return stub(taskId, false);
    }

    private AgentTaskWorkflow stub(String taskId, boolean forStart) {
        if (!forStart) {
            return client.newWorkflowStub(AgentTaskWorkflow.class, taskId);
        }
        return client.newWorkflowStub(
                AgentTaskWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(taskId)
                        .setTaskQueue(AgentTaskWorkflow.TASK_QUEUE)
                        .build());
    }

    /** Waits, without letting timers fire, until the task's view satisfies the condition. */
    TaskView awaitView(String taskId, Predicate<TaskView> condition) {
        return awaitView(taskId, condition, Duration.ofSeconds(20));
    }

    /**
     * The same, with a longer bound for a task that runs many steps first: with the sticky cache off,
     * each workflow task replays its run, so a busy 2-core runner may take a while to get there.
     */
    TaskView awaitView(String taskId, Predicate<TaskView> condition, Duration atMost) {
        return Eventually.until(
                "task " + taskId + " reaches the expected state",
                atMost,
                () -> stub(taskId).view(),
                condition);
    }

    TaskView awaitStatus(String taskId, TaskStatus status) {
        return awaitView(taskId, view -> view.status() == status);
    }

    TaskView awaitPending(String taskId) {
        return awaitView(taskId, view -> view.pendingApproval() != null);
    }

    TaskView result(String taskId) {
        try {
            return WorkflowStub.fromTyped(stub(taskId)).getResult(20, TimeUnit.SECONDS, TaskView.class);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(
                    "task " + taskId + " did not end: " + stub(taskId).view(), e);
        }
    }

    DecisionResult decide(
            String taskId,
            String reviewer,
            DecisionKind kind,
            Map<String, Object> args,
            String digest,
            String comment) {
        String approvalId = stub(taskId).view().pendingApprovalId();
        return decide(new DecisionRequest(
                UUID.randomUUID().toString(), approvalId, reviewer, GROUPS.get(reviewer), kind, args, digest, comment));
    }

    DecisionResult decide(DecisionRequest request) {
        String taskId = request.approvalId().substring(0, request.approvalId().lastIndexOf('.'));
        return stub(taskId).decide(request);
    }

    DecisionResult approve(String taskId, String reviewer) {
        return decide(taskId, reviewer, DecisionKind.APPROVE, null, null, "");
    }

    /** Starts a refund task whose input also carries review switches for {@link RefundTestPolicy}. */
    String startRefund(double amount, String reviewSwitch) {
        return start(Map.of("orderId", "A-1", "amount", amount, reviewSwitch, true), REQUESTER);
    }

    /** A verdict from a reviewer of the demo; olga is the operator. */
    ReviewResult review(String taskId, String actionId, String reviewer, ReviewVerdict verdict, String comment) {
        return stub(taskId).review(reviewRequest(actionId, reviewer, verdict, comment));
    }

    static ReviewRequest reviewRequest(String actionId, String reviewer, ReviewVerdict verdict, String comment) {
        return new ReviewRequest(
                UUID.randomUUID().toString(),
                actionId,
                reviewer,
                GROUPS.get(reviewer),
                GROUPS.get(reviewer).contains("operators"),
                verdict,
                comment);
    }

    RollbackResult rollback(String taskId, String by, String comment) {
        return stub(taskId)
                .rollback(new RollbackRequest(
                        UUID.randomUUID().toString(),
                        by,
                        GROUPS.get(by),
                        GROUPS.get(by).contains("operators"),
                        comment));
    }

    ReviewResult attend(String taskId, String actionId, String by, AttentionKind kind, String comment) {
        return stub(taskId)
                .attend(new AttentionRequest(
                        UUID.randomUUID().toString(),
                        actionId,
                        by,
                        GROUPS.get(by).contains("operators"),
                        kind,
                        comment));
    }

    /**
     * Every action of the task, oldest first: those archived when it continued as new, then those its
     * last run kept (which win over an archived copy).
     */
    List<ActionView> everyAction(String taskId, TaskView last) {
        Map<String, ActionView> every = new java.util.TreeMap<>(
                java.util.Comparator.comparingLong((String id) -> Long.parseLong(id.substring(1))));
        archive.of(taskId).forEach(action -> every.put(action.actionId(), action));
        last.actions().forEach(action -> every.put(action.actionId(), action));
        return List.copyOf(every.values());
    }

    /** The action of this tool in the task's view. */
    static ActionView action(TaskView view, String tool) {
        return view.actions().stream()
                .filter(a -> a.tool().equals(tool))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + tool + " in " + view));
    }

    /** The refusal type of a decision the workflow refused. */
    static String refusalOf(Runnable decision) {
        try {
            decision.run();
        } catch (WorkflowUpdateException e) {
            Throwable cause = e.getCause();
            assertThat(cause).isInstanceOf(ApplicationFailure.class);
            return DecisionRefusal.typeOf(((ApplicationFailure) cause).getType());
        }
        throw new AssertionError("the decision was accepted, expected a refusal");
    }

    void skip(Duration duration) {
        env.sleep(duration);
    }

    @Override
    public void close() {
        env.close();
    }
}
