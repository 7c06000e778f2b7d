package dev.countersign.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.agent.AgentModel;
import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.Tool;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.autoconfigure.CountersignAutoConfiguration;
import dev.countersign.history.TimelineEvent;
import dev.countersign.history.TimelineKind;
import dev.countersign.review.AttentionKind;
import dev.countersign.review.AttentionRequest;
import dev.countersign.task.ActionState;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import dev.countersign.tool.ToolInvocation;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A tool that is not idempotent whose call dies mid-way, through the real tool activity, workflow and
 * facade: the operators' queue, their answer, the agent's next step and the timeline.
 */
class FacadeOutcomeUnknownTest {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    private final WireMoney wire = new WireMoney();

    @AfterEach
    void close() {
        env.close();
    }

    private void withCountersign(Consumer<Countersign> test) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CountersignAutoConfiguration.class))
                .withBean(WorkflowClient.class, env::getWorkflowClient)
                .withBean(WireMoney.class, () -> wire)
                .withBean(OneWireAgent.class, OneWireAgent::new)
                .withPropertyValues("countersign.policy.location=classpath:policies/auto-wires.yaml")
                .run(context -> test.accept(context.getBean(Countersign.class)));
    }

    private static String wireInLimbo(Countersign countersign) {
        String taskId = "wire-" + UUID.randomUUID();
        countersign.start(new TaskStart(taskId, "payer", "pay", Map.of("amount", 900), "dave"));
        TaskWaits.until(countersign, taskId, view -> view.status() == TaskStatus.NEEDS_ATTENTION);
        return taskId;
    }

    @Test
    void callThatDiedMidWayIsInTheOperatorsQueueAndConfirmedDoneLetsTheAgentFinish() {
        withCountersign(countersign -> {
            String taskId = wireInLimbo(countersign);

            assertThat(wire.reached).hasValue(1);
            assertThat(countersign.task(taskId).orElseThrow().actions().get(0).state())
                    .isEqualTo(ActionState.OUTCOME_UNKNOWN);
            assertThat(countersign.reviewsFor("olga", Set.of("operators"), true))
                    .extracting(PendingReview::taskId)
                    .containsExactly(taskId);
            assertThat(countersign.reviewsFor("alice", Set.of("support-leads"), false))
                    .isEmpty();

            countersign.attend(
                    taskId, new AttentionRequest("r1", "a1", "olga", true, AttentionKind.DONE, "the bank shows it"));

            TaskView done = TaskWaits.until(countersign, taskId, view -> view.status() == TaskStatus.COMPLETED);
            assertThat(done.summary()).isEqualTo("heard TOOL_RESULT from olga");
            assertThat(done.actions().get(0).state()).isEqualTo(ActionState.EXECUTED);
            assertThat(wire.reached).hasValue(1);
            assertThat(countersign.history(taskId).events())
                    .extracting(TimelineEvent::kind)
                    .containsSubsequence(TimelineKind.OUTCOME_UNKNOWN, TimelineKind.OUTCOME_SETTLED);
        });
    }

    @Test
    void callConfirmedNotDoneFailsWithTheOperatorsReason() {
        withCountersign(countersign -> {
            String taskId = wireInLimbo(countersign);

            countersign.attend(
                    taskId,
                    new AttentionRequest("r1", "a1", "olga", true, AttentionKind.NOT_DONE, "nothing at the bank"));

            TaskView done = TaskWaits.until(countersign, taskId, view -> view.status() == TaskStatus.COMPLETED);
            assertThat(done.summary()).isEqualTo("heard TOOL_FAILED from olga");
            assertThat(done.actions().get(0).error()).contains("nothing at the bank");
            TimelineEvent settled = countersign.history(taskId).events().stream()
                    .filter(event -> event.kind() == TimelineKind.OUTCOME_SETTLED)
                    .findFirst()
                    .orElseThrow();
            assertThat(settled.actor()).isEqualTo("olga");
            assertThat(settled.summary()).contains("was not done").contains("nothing at the bank");
        });
    }

    /** A transfer that is not idempotent; its first call takes effect and then breaks the connection. */
    static final class WireMoney implements Tool {

        final AtomicInteger reached = new AtomicInteger();

        @Override
        public String name() {
            return "wire_money";
        }

        @Override
        public ArgumentSchema schema() {
            return new ArgumentSchema(Map.of(), List.of(), true);
        }

        @Override
        public boolean idempotent() {
            return false;
        }

        @Override
        public Map<String, Object> execute(ToolInvocation invocation) {
            reached.incrementAndGet();
            throw new IllegalStateException("connection reset after the transfer was sent");
        }
    }

    /** Wires the input's amount once, then finishes saying what it heard of it and from whom. */
    static final class OneWireAgent implements AgentModel {

        @Override
        public String agent() {
            return "payer";
        }

        @Override
        public AgentStep nextStep(AgentRequest request) {
            if (!request.transcript().isEmpty()) {
                TranscriptEntry last =
                        request.transcript().get(request.transcript().size() - 1);
                return AgentStep.finish("heard " + last.kind() + " from " + last.by());
            }
            return AgentStep.call(new ToolCall(
                    "wire_money", Map.of("amount", request.input().get("amount")), "asked", 0.9, List.of()));
        }
    }
}
