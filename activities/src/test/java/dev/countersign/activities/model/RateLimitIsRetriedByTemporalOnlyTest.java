package dev.countersign.activities.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import dev.countersign.activities.agent.AgentActivitiesImpl;
import dev.countersign.activities.model.OpenAiStub.Reply;
import dev.countersign.activities.store.InMemoryTaskStore;
import dev.countersign.agent.AgentActivities;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through a real Temporal activity (time skipped): a 429 is retried by Temporal alone, after the
 * server's Retry-After, so the server sees exactly one request per attempt; a refused key fails the
 * workflow's activity at once.
 */
class RateLimitIsRetriedByTemporalOnlyTest {

    private static final String QUEUE = "model-test";

    /** One model step, as the task workflow asks for it. */
    @WorkflowInterface
    public interface OneStepWorkflow {

        @WorkflowMethod
        AgentStep step(StepRequest request);
    }

    public static class OneStepWorkflowImpl implements OneStepWorkflow {

        private final AgentActivities agent = Workflow.newActivityStub(
                AgentActivities.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofMinutes(2))
                        .setRetryOptions(RetryOptions.newBuilder()
                                .setInitialInterval(Duration.ofMinutes(10)) // only Retry-After can make it sooner
                                .setMaximumAttempts(5)
                                .build())
                        .build());

        @Override
        public AgentStep step(StepRequest request) {
            return agent.nextStep(request);
        }
    }

    private final OpenAiStub server = new OpenAiStub();
    private final TestAgents agents = new TestAgents();
    private TestWorkflowEnvironment environment;
    private OneStepWorkflow workflow;

    @BeforeEach
    void start() {
        environment = TestWorkflowEnvironment.newInstance();
        Worker worker = environment.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(OneStepWorkflowImpl.class);
        worker.registerActivitiesImplementations(
                new AgentActivitiesImpl(List.of(agents.agent(server)), new InMemoryTaskStore()));
        environment.start();
        workflow = environment
                .getWorkflowClient()
                .newWorkflowStub(
                        OneStepWorkflow.class,
                        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());
    }

    @AfterEach
    void stop() {
        environment.close();
        server.close();
    }

    @Test
    void oneRateLimitCostsExactlyOneMoreRequest() {
        server.reply(new Reply(429, Map.of("Retry-After", "1"), ChatCompletionsJson.error("Rate limit", "requests")))
                .reply(ChatCompletionsJson.text("Order A-7 was refunded."));

        AgentStep step = workflow.step(firstStep());

        assertThat(step.withUsage(null)).isEqualTo(AgentStep.finish("Order A-7 was refunded."));
        assertThat(server.received()).hasSize(2);
        assertThat(untilTheLastAttemptStarted())
                .as("the retry came after Retry-After, not the retry policy's 10-minute interval")
                .isLessThan(Duration.ofMinutes(10));
    }

    @Test
    void aRefusedKeyFailsTheActivityWithoutRetrying() {
        server.reply(new Reply(401, Map.of(), ChatCompletionsJson.error("bad key", "invalid_request_error")));

        WorkflowFailedException failed =
                catchThrowableOfType(WorkflowFailedException.class, () -> workflow.step(firstStep()));

        assertThat(failed.getCause()).isInstanceOf(ActivityFailure.class);
        assertThat(((ApplicationFailure) failed.getCause().getCause()).getType())
                .isEqualTo(ModelFailures.UNAUTHORIZED);
        assertThat(server.received()).hasSize(1);
    }

    private static StepRequest firstStep() {
        return new StepRequest(
                "task-1", "run-1", "support", 1, "refund order A-7", Map.of("orderId", "A-7"), 0, List.of());
    }

    /** From the workflow's start to the start of the model activity's last attempt, as the history says. */
    private Duration untilTheLastAttemptStarted() {
        String workflowId = WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId();
        List<HistoryEvent> events =
                environment.getWorkflowClient().fetchHistory(workflowId).getEvents();
        Timestamp started = events.get(0).getEventTime();
        Timestamp attempt = events.stream()
                .filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
                .reduce((first, second) -> second)
                .orElseThrow()
                .getEventTime();
        return Duration.ofSeconds(attempt.getSeconds() - started.getSeconds(), attempt.getNanos() - started.getNanos());
    }
}
