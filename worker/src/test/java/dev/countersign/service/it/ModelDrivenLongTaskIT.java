package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.model.ChatCompletionsJson;
import dev.countersign.activities.model.ChatCompletionsJson.Call;
import dev.countersign.activities.model.OpenAiStub;
import dev.countersign.client.Countersign;
import dev.countersign.history.TaskRuns;
import dev.countersign.task.ActionState;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A model-driven agent of the agents file takes 2,000 steps on the dev server, against a local
 * OpenAI-compatible server that checks every request as OpenAI does: the task continues as new every
 * 250 steps, every call's id is answered each time, and each refund runs once.
 */
class ModelDrivenLongTaskIT {

    private static final String AGENT = "refunder-llm";
    private static final int CALLS = 1_999;
    private static final String TASK = "model-driven-long";

    private static final CountingRefund refunds = new CountingRefund();
    private static final OpenAiStub model = new OpenAiStub().withoutBodies();
    private static InProcessService service;

    @BeforeAll
    static void startService() {
        for (int call = 1; call <= CALLS; call++) {
            model.reply(ChatCompletionsJson.toolCalls(
                    null, new Call("call_" + call, CountingRefund.NAME, "{\"amount\":" + (call % 9 + 1) + "}")));
        }
        model.reply(ChatCompletionsJson.text("made " + CALLS + " refunds"));
        service = InProcessService.start(
                Cluster.start(ModelDrivenLongTaskIT.class),
                new RefundingAgent("scripted", 1, step -> false),
                refunds,
                "countersign.agents=file:" + agentsFile(),
                "OPENAI_BASE_URL=" + model.baseUrl(),
                "COUNTERSIGN_MODEL=test-model");
    }

    private static Path agentsFile() {
        try {
            Path file = Files.createTempFile("countersign-agents", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, """
                    agents:
                      %s:
                        instructions: You refund small amounts, one call at a time.
                        tools: [%s]
                        continue-as-new-after: 250
                    """.formatted(AGENT, CountingRefund.NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopEverything() {
        if (service != null) {
            service.close();
        }
        model.close();
    }

    @Test
    void twoThousandStepsCompleteAcrossRunsWithEveryRefundOnce() throws Exception {
        Phases phases = new Phases("model-driven");
        Countersign countersign = service.countersign();
        countersign.start(new TaskStart(TASK, AGENT, "refund in small steps", Map.of(), Desk.REQUESTER));

        TaskView done = service.client().newUntypedWorkflowStub(TASK).getResult(15, TimeUnit.MINUTES, TaskView.class);
        phases.done((CALLS + 1) + " model steps");

        assertThat(done.status()).as(done.summary()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.summary()).isEqualTo("made " + CALLS + " refunds");
        assertThat(done.steps()).isEqualTo(CALLS + 1);
        assertThat(done.tokens()).isEqualTo(150L * (CALLS + 1));
        assertThat(done.counts().byState()).containsExactly(Map.entry(ActionState.EXECUTED, CALLS));
        assertThat(refunds.runsByKey())
                .as("runs of each idempotency key")
                .hasSize(CALLS)
                .allSatisfy((key, runs) -> assertThat(runs).as(key).isEqualTo(1));
        assertThat(model.received())
                .as("one request a step: none refused by the checker, none retried")
                .hasSize(CALLS + 1);
        int runs = new TaskRuns(service.client()).read(TASK).runs().size();
        assertThat(runs).isGreaterThanOrEqualTo((CALLS + 1) / 250);
        System.out.println("ModelDrivenLongTaskIT: " + done.steps() + " steps, " + runs + " runs, " + done.tokens()
                + " tokens, " + model.received().size() + " model requests");
    }
}
