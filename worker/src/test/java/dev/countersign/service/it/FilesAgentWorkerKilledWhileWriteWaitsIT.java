package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.model.ChatCompletionsJson;
import dev.countersign.activities.model.ChatCompletionsJson.Call;
import dev.countersign.activities.model.OpenAiStub;
import dev.countersign.activities.tool.mcp.ReferenceServers;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.WorkflowExecutionHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The files demo on the dev server: the files agent's write waits for a reviewer in the shipped
 * worker jar, which is then killed with SIGKILL. A new worker takes over; the write approved through
 * its API is made once, with exactly the approved content, by the reference filesystem MCP server.
 */
class FilesAgentWorkerKilledWhileWriteWaitsIT {

    private static final OpenAiStub model = new OpenAiStub();
    private static Cluster cluster;

    @BeforeAll
    static void startTemporal() {
        ReferenceServers.entryPoint("server-filesystem"); // skips, saying why, where npm could not install it
        cluster = Cluster.start(FilesAgentWorkerKilledWhileWriteWaitsIT.class);
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
        model.close();
    }

    @Test
    void aWriteApprovedAfterItsWorkerWasKilledIsMadeOnceWithTheApprovedContent() throws Exception {
        // Not under the cluster's folder: ItSettings.freshWorkDir would wipe it, dev server pid file and all.
        Path sandbox = Files.createTempDirectory("countersign-files-it").toRealPath();
        Path plan = sandbox.resolve("plan.txt");
        model.reply(ChatCompletionsJson.toolCalls(
                        "I write the plan down.",
                        new Call(
                                "call_write",
                                "files_write_file",
                                "{\"path\":\"plan.txt\",\"content\":\"step one\\n\"}")))
                .reply(ChatCompletionsJson.text("The plan is in plan.txt."));
        Map<String, String> filesDemo = Map.of(
                "OPENAI_BASE_URL",
                model.baseUrl(),
                "COUNTERSIGN_MODEL",
                "test-model",
                "COUNTERSIGN_AGENTS",
                "file:" + Path.of("../docs/examples/files-agents.yaml").toRealPath(),
                "COUNTERSIGN_POLICY_LOCATION",
                "file:" + Path.of("../docs/examples/files-policy.yaml").toRealPath(),
                "COUNTERSIGN_MCP_SERVERS",
                ReferenceServers.folder().toString(),
                "COUNTERSIGN_FILES_SANDBOX",
                sandbox.toString());
        WorkerProcess first =
                cluster.launchWorker("first", FreePorts.next(), filesDemo).awaitReady();
        Api api = new Api(first.port());
        Desk desk = new Desk(api);
        String taskId = "files-killed";
        api.post(
                        Desk.REQUESTER,
                        "/api/tasks",
                        Map.of("taskId", taskId, "agent", "files", "goal", "Write the plan", "input", Map.of()),
                        Map.of())
                .expect(201);
        String approvalId = taskId + ".a1";
        desk.awaitInbox("alice", List.of(approvalId), Deadlines.RECOVERY);
        assertThat(plan).as("nothing is written before approval").doesNotExist();

        first.kill();
        WorkerProcess restarted =
                cluster.launchWorker("restarted", first.port(), filesDemo).awaitReady();
        String digest = desk.awaitInbox("alice", List.of(approvalId), Deadlines.RECOVERY)
                .get(approvalId);
        assertThat(desk.approve("alice", approvalId, digest)).isEqualTo("APPROVED");

        TaskView done =
                cluster.probe().results(List.of(taskId), Deadlines.RECOVERY).get(taskId);
        assertThat(done.status()).as(done.summary()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(Files.readString(plan)).isEqualTo("step one\n");
        List<WorkflowExecutionHistory> histories = cluster.probe().histories(List.of(taskId));
        long toolRuns = histories.get(0).getEvents().stream()
                .filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
                .filter(event -> histories.get(0).getEvents().stream()
                        .anyMatch(scheduled -> scheduled.getEventId()
                                        == event.getActivityTaskCompletedEventAttributes()
                                                .getScheduledEventId()
                                && scheduled
                                        .getActivityTaskScheduledEventAttributes()
                                        .getActivityType()
                                        .getName()
                                        .equals("ExecuteTool")))
                .count();
        assertThat(toolRuns).as("the write was made once").isEqualTo(1);
        assertThat(Histories.touchedBy(histories.get(0), restarted.identityPrefix()))
                .as("the restarted worker carried the task on")
                .isTrue();
        Histories.assertReplay("files-killed", histories);
        System.out.println("FilesAgentWorkerKilledWhileWriteWaitsIT: the write waited across a SIGKILL, was approved"
                + " on the restarted worker and made once (" + toolRuns + " tool run)");
    }
}
