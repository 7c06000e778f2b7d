package dev.countersign.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.agent.AgentModel;
import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.Tool;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.autoconfigure.CountersignAutoConfiguration;
import dev.countersign.task.ActionState;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import dev.countersign.tool.ToolInvocation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Decisions that race a continue-as-new on the Java test server, whose switch is not atomic: the
 * agent asks for approval exactly when its run is due to hand over, so the approval is carried to the
 * next run while the reviewer's decision (sent twice at once, as a retrying client would) is on its
 * way. Each is applied once, and each refund runs once.
 */
class DecisionsAcrossTheSwitchTest {

    private static final int REFUNDS = 20;
    private static final int EVERY = 5;

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    private final CountingRefund refund = new CountingRefund();

    @AfterEach
    void close() {
        env.close();
    }

    @TempDir
    Path folder;

    private Path agentsFile() throws IOException {
        return Files.writeString(
                folder.resolve("agents.yaml"), "agents:\n  many-refunds:\n    continue-as-new-after: " + EVERY + "\n");
    }

    @Test
    void aDecisionSentWhileTheTaskContinuesAsNewIsAppliedOnce() throws IOException {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CountersignAutoConfiguration.class))
                .withBean(WorkflowClient.class, env::getWorkflowClient)
                .withBean(CountingRefund.class, () -> refund)
                .withBean(ManyRefunds.class, ManyRefunds::new)
                .withPropertyValues(
                        "countersign.policy.location=classpath:policies/refunds.yaml",
                        "countersign.agents=file:" + agentsFile())
                .run(context -> {
                    Countersign countersign = context.getBean(Countersign.class);
                    countersign.start(new TaskStart("switching", "many-refunds", "refund", Map.of(), "dave"));
                    List<DecisionResult> results = new ArrayList<>();
                    for (int approval = 1; approval <= REFUNDS / EVERY; approval++) {
                        String approvalId = awaitPending(countersign, "switching", "a" + approval * EVERY);
                        DecisionRequest decision = new DecisionRequest(
                                "decision-" + approval,
                                approvalId,
                                "alice",
                                Set.of("support-leads"),
                                DecisionKind.APPROVE,
                                null,
                                null,
                                "");
                        CompletableFuture<DecisionResult> first =
                                CompletableFuture.supplyAsync(() -> countersign.decide(decision));
                        CompletableFuture<DecisionResult> again =
                                CompletableFuture.supplyAsync(() -> countersign.decide(decision));
                        results.add(first.join());
                        results.add(again.join());
                    }

                    TaskView done = WorkflowStub.fromTyped(
                                    env.getWorkflowClient().newWorkflowStub(AgentTaskWorkflow.class, "switching"))
                            .getResult(30, TimeUnit.SECONDS, TaskView.class);

                    assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
                    assertThat(results)
                            .allSatisfy(result -> assertThat(result.state()).isEqualTo(ApprovalState.APPROVED));
                    assertThat(done.counts().byState()).containsEntry(ActionState.EXECUTED, REFUNDS);
                    assertThat(refund.keys).hasSize(REFUNDS).doesNotHaveDuplicates();
                });
    }

    /**
     * Reads every millisecond, so the decision goes out as soon as the approval shows; a read during
     * the switch may find no task, and the wait goes on.
     */
    private static String awaitPending(Countersign countersign, String taskId, String actionId) {
        return TaskWaits.waiting("task " + taskId + " asks about " + actionId)
                .pollInterval(Duration.ofMillis(1))
                .until(
                        () -> countersign.task(taskId),
                        view -> view.map(TaskView::pendingApproval)
                                .filter(pending -> pending.actionId().equals(actionId))
                                .isPresent())
                .orElseThrow()
                .pendingApprovalId();
    }

    /** A refund that remembers the idempotency key of every execution. */
    static final class CountingRefund implements Tool {

        final List<String> keys = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "issue_refund";
        }

        @Override
        public ArgumentSchema schema() {
            return new ArgumentSchema(Map.of(), List.of(), true);
        }

        @Override
        public Map<String, Object> execute(ToolInvocation invocation) {
            keys.add(invocation.idempotencyKey());
            return Map.of("refunded", invocation.args().get("amount"));
        }
    }

    /** Refunds $5 at a time, asking $250 (a support lead's approval) at every fifth step. */
    static final class ManyRefunds implements AgentModel {

        @Override
        public String agent() {
            return "many-refunds";
        }

        @Override
        public AgentStep nextStep(AgentRequest request) {
            long done = request.transcript().stream()
                    .filter(entry -> entry.kind() == TranscriptKind.TOOL_RESULT)
                    .count();
            if (done >= REFUNDS) {
                return AgentStep.finish("made " + done + " refunds");
            }
            int amount = (done + 1) % EVERY == 0 ? 250 : 5;
            return AgentStep.call(new ToolCall("issue_refund", Map.of("amount", amount), "asked", 0.9, List.of()));
        }
    }
}
