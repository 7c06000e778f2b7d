package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.review.AttentionKind;
import dev.countersign.review.AttentionRequest;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.StepBudget;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A worker is killed with SIGKILL while a tool is in flight. For a tool that is not idempotent,
 * another worker takes the retry over, does not send the call again, and the task waits,
 * OUTCOME_UNKNOWN, for an operator: the tool was reached exactly once, also after the operator said it
 * was done. For an idempotent tool that runs as a local activity, the workflow task that ran it times
 * out, and the other worker runs the call again with the same idempotency key, which the tool honours.
 */
class ToolKilledMidCallIT {

    private static Cluster cluster;
    private final List<Process> workers = new ArrayList<>();

    @BeforeAll
    static void startTemporal() {
        cluster = Cluster.start(ToolKilledMidCallIT.class);
    }

    @AfterAll
    static void stopTemporal() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(Process::destroyForcibly);
    }

    @Test
    void callInFlightWhenItsWorkerIsKilledIsNeverSentAgain() throws Exception {
        Path reached = ItSettings.freshWorkDir(OnceOnlyWorker.class).resolve("reached");
        WorkflowClient client =
                WorkflowClient.newInstance(WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                        .setTarget(cluster.temporal().address())
                        .build()));
        Process doomed = launch(reached, "doomed", "not-idempotent");
        AgentTaskWorkflow task = client.newWorkflowStub(
                AgentTaskWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId("wire-1")
                        .setTaskQueue(AgentTaskWorkflow.TASK_QUEUE)
                        .build());
        WorkflowClient.start(
                task::run, new TaskStart("wire-1", "payer", "pay", Map.of(), "dave", StepBudget.DEFAULT), null);
        Awaitility.await("the wire is in flight")
                .atMost(Deadlines.RECOVERY)
                .until(() -> lines(reached).size() == 1);

        doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        launch(reached, "survivor", "not-idempotent");

        TaskView limbo = Awaitility.await("the wire's outcome is unknown")
                .atMost(Deadlines.RECOVERY)
                .until(task::view, view -> view.status() == TaskStatus.NEEDS_ATTENTION);
        ActionView wire = limbo.actions().get(0);
        assertThat(wire.state()).isEqualTo(ActionState.OUTCOME_UNKNOWN);
        assertThat(wire.error()).contains("not running it again");
        assertThat(lines(reached)).containsExactly("wire-1/a1");

        task.attend(new AttentionRequest("r1", "a1", "olga", true, AttentionKind.DONE, "the bank shows it"));
        TaskView done = WorkflowStub.fromTyped(task).getResult(60, TimeUnit.SECONDS, TaskView.class);
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.summary()).isEqualTo("heard [TOOL_RESULT]");
        assertThat(lines(reached)).as("the wire was sent once").hasSize(1);
    }

    @Test
    void localToolInFlightWhenItsWorkerIsKilledRunsAgainWithTheSameKey() throws Exception {
        Path reached = ItSettings.freshWorkDir(OnceOnlyWorker.class).resolve("reached");
        WorkflowClient client =
                WorkflowClient.newInstance(WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                        .setTarget(cluster.temporal().address())
                        .build()));
        Process doomed = launch(reached, "doomed", "local");
        AgentTaskWorkflow task = client.newWorkflowStub(
                AgentTaskWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId("wire-local-1")
                        .setTaskQueue(AgentTaskWorkflow.TASK_QUEUE)
                        .build());
        WorkflowClient.start(
                task::run, new TaskStart("wire-local-1", "payer", "pay", Map.of(), "dave", StepBudget.DEFAULT), null);
        Awaitility.await("the wire is in flight")
                .atMost(Deadlines.RECOVERY)
                .until(() -> lines(reached).size() == 1);

        doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        launch(reached, "survivor", "local");

        TaskView done = WorkflowStub.fromTyped(task)
                .getResult(Deadlines.RECOVERY.toSeconds(), TimeUnit.SECONDS, TaskView.class);
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.summary()).isEqualTo("heard [TOOL_RESULT]");
        assertThat(done.actions().get(0).state()).isEqualTo(ActionState.EXECUTED);
        assertThat(lines(reached))
                .as("the call ran again on the survivor, with the same key")
                .containsExactly("wire-local-1/a1", "wire-local-1/a1");
        assertThat(client.fetchHistory("wire-local-1").getEvents())
                .as("it ran as a local activity, never as an activity")
                .noneMatch(event -> event.hasActivityTaskScheduledEventAttributes()
                        && event.getActivityTaskScheduledEventAttributes()
                                .getActivityType()
                                .getName()
                                .equals("ExecuteTool"));
    }

    private Process launch(Path reached, String name, String tool) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OnceOnlyWorker.class.getName(),
                        cluster.temporal().address(),
                        reached.toString(),
                        tool)
                .redirectErrorStream(true)
                .redirectOutput(
                        reached.resolveSibling("worker-" + name + ".log").toFile())
                .start();
        ManagedProcesses.track(process.toHandle());
        workers.add(process);
        return process;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
