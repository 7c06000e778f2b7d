package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.ToolCall;
import dev.countersign.approval.ApprovalGate;
import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.PendingApproval;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The approvals part holds several calls of one task for reviewers at once (as the MCP gateway will
 * for concurrent calls of one session): each is decided on its own, by its own quorum, and a decision
 * id used for one cannot be used for the other.
 */
class TwoApprovalsAtOnceTest {

    /** A workflow that holds two calls at once, as the gateway will. */
    @WorkflowInterface
    public interface TwoCalls {

        @WorkflowMethod
        List<ApprovalState> run(TaskStart start);

        // An Update, as the task's own decide.
        @UpdateMethod
        DecisionResult decide(DecisionRequest decision);

        @UpdateValidatorMethod(updateName = "decide")
        void validateDecide(DecisionRequest decision);

        // A Query: what waits for reviewers.
        @QueryMethod
        List<PendingApproval> pending();
    }

    public static class TwoCallsImpl implements TwoCalls {

        private final TaskState state;
        private final Approvals approvals;

        @WorkflowInit
        public TwoCallsImpl(TaskStart start) {
            state = TaskState.fresh(start, Workflow.getInfo().getRunId(), TaskBoard.now());
            TaskActivities activities = new TaskActivities();
            approvals = new Approvals(
                    state,
                    new TaskBoard(state),
                    new Verdicts(state, activities.policy),
                    new ReviewerAlerts(activities.notifier));
        }

        @Override
        public List<ApprovalState> run(TaskStart start) {
            Verdicts verdicts = new Verdicts(state, new TaskActivities().policy);
            List<ApprovalGate> gates = List.of(hold(verdicts, 2000), hold(verdicts, 250));
            List<Promise<Void>> waits = gates.stream()
                    .map(gate -> Async.procedure(() -> approvals.await(gate, () -> false)))
                    .toList();
            Promise.allOf(waits).get();
            return gates.stream().map(gate -> approvals.close(gate).state()).toList();
        }

        private ApprovalGate hold(Verdicts verdicts, double amount) {
            ActionRecord action = state.propose(
                    new ToolCall("issue_refund", Map.of("orderId", "A-1", "amount", amount), "asked", 0.9, List.of()),
                    TaskBoard.now());
            action.verdict = verdicts.evaluate(action.call, action.actionId);
            return approvals.hold(action);
        }

        @Override
        public DecisionResult decide(DecisionRequest decision) {
            try {
                return approvals.decide(decision);
            } catch (DecisionRefusal.Refused refused) {
                throw refused.asFailure();
            }
        }

        @Override
        public void validateDecide(DecisionRequest decision) {
            approvals.check(decision);
        }

        @Override
        public List<PendingApproval> pending() {
            return state.pendingApprovals();
        }
    }

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    private final WorkflowClient client = env.getWorkflowClient();

    TwoApprovalsAtOnceTest() {
        TaskSearchAttributes.ALL.forEach(key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
        Worker worker = env.newWorker(AgentTaskWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(TwoCallsImpl.class);
        worker.registerActivitiesImplementations(new RefundTestPolicy(), new RecordingNotifier());
        env.start();
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void twoPendingApprovalsOfOneTaskAreDecidedIndependently() {
        TwoCalls task = client.newWorkflowStub(
                TwoCalls.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId("two-calls")
                        .setTaskQueue(AgentTaskWorkflow.TASK_QUEUE)
                        .build());
        WorkflowClient.start(task::run, new TaskStart("two-calls", "gateway", "two calls", Map.of(), "dave"));
        List<PendingApproval> pending = awaitPending(task, 2);
        String large = pending.get(0).approvalId();
        String medium = pending.get(1).approvalId();
        assertThat(pending.get(0).groups()).containsExactly("finance");
        assertThat(pending.get(1).groups()).containsExactly("support-leads");

        assertThat(task.decide(decision("d1", large, "bob")).state()).isEqualTo(ApprovalState.PENDING);
        assertThat(task.decide(decision("d2", medium, "alice")).state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(task.pending()).singleElement().satisfies(left -> {
            assertThat(left.approvalId()).isEqualTo(large);
            assertThat(left.approvers()).containsExactly("bob");
        });
        assertThat(TaskHarness.refusalOf(() -> task.decide(decision("d1", large, "carol"))))
                .as("a decision id belongs to the decision it was first used for")
                .isEqualTo(DecisionRefusal.INVALID_DECISION);
        assertThat(task.decide(decision("d3", large, "carol")).state()).isEqualTo(ApprovalState.APPROVED);

        List<Object> outcomes = List.copyOf(WorkflowStub.fromTyped(task).getResult(List.class));
        assertThat(outcomes).containsExactly((Object) "APPROVED", "APPROVED");
    }

    private static DecisionRequest decision(String id, String approvalId, String reviewer) {
        return new DecisionRequest(
                id, approvalId, reviewer, TaskHarness.GROUPS.get(reviewer), DecisionKind.APPROVE, null, null, "");
    }

    private static List<PendingApproval> awaitPending(TwoCalls task, int count) {
        return Eventually.until(
                count + " pending approvals",
                Duration.ofSeconds(20),
                task::pending,
                pending -> pending.size() >= count);
    }
}
