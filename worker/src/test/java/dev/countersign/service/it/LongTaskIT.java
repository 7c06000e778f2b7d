package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.store.TranscriptStore;
import dev.countersign.approval.ApprovalState;
import dev.countersign.client.Countersign;
import dev.countersign.history.RunHistories;
import dev.countersign.history.TaskRuns;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A task of 5,000 tool calls on the dev server, with the default continue-as-new-after of 500 and
 * the server's own suggestion: a compensable refund on every step, approvals at steps 10, 2,500 and
 * 4,990 decided by a reviewer from her inbox as they appear. It completes; every approval is decided
 * once and every refund runs once; each run's history costs about the same per step, and no run
 * hands more than 256 KB to the next.
 */
class LongTaskIT {

    private static final String AGENT = "long-refunds";
    private static final int CALLS = 5_000;
    private static final Set<Integer> APPROVALS = Set.of(10, 2_500, 4_990);
    private static final int PAGE = 200;
    private static final Duration COMPLETION = Duration.ofMinutes(15);

    /**
     * The dev server hands each new workflow or activity task to matching through a queue reader
     * allowed 20 reads a second per shard, and it has one shard: every dispatch waits up to 50 ms,
     * six a step, so 5,000 steps would take 25 minutes of mostly waiting. Unthrottled, a step costs
     * what its work costs; the continue-as-new behaviour under test is the same.
     */
    private static final String[] FAST_DISPATCH = {"history.transferProcessorMaxPollRPS=1000"};

    private static final CountingRefund refunds = new CountingRefund();
    private static InProcessService service;

    @BeforeAll
    static void startService() {
        service = InProcessService.start(
                Cluster.start(LongTaskIT.class, FAST_DISPATCH),
                new RefundingAgent(AGENT, CALLS, APPROVALS::contains),
                refunds);
    }

    @AfterAll
    static void stopEverything() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void fiveThousandStepsWithApprovalsRunOnceEachAcrossRuns() throws Exception {
        Phases phases = new Phases("long-task");
        Countersign countersign = service.countersign();
        WorkflowClient client = service.client();
        String taskId = "long-task";
        long started = System.nanoTime();
        TaskView done;
        try (Reviewer alice = Reviewer.watching(countersign, Duration.ofMillis(250))) {
            countersign.start(new TaskStart(taskId, AGENT, "make many refunds", Map.of(), Desk.REQUESTER));
            done = client.newUntypedWorkflowStub(taskId)
                    .getResult(COMPLETION.toSeconds(), TimeUnit.SECONDS, TaskView.class);
            System.out.printf("LongTaskIT wall time of the task: %.1f s%n", (System.nanoTime() - started) / 1e9);
            phases.done("task of " + CALLS + " calls ended");
            assertThat(alice.failures()).as("what went wrong while deciding").isEmpty();
            assertThat(alice.decided())
                    .containsOnlyKeys(approvalIds(taskId))
                    .allSatisfy((id, result) -> assertThat(result.state()).isEqualTo(ApprovalState.APPROVED));
        }

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.steps()).isEqualTo(CALLS + 1);
        assertThat(done.counts().total()).isEqualTo(CALLS);
        assertThat(done.counts().byState()).containsExactly(Map.entry(ActionState.EXECUTED, CALLS));
        assertThat(refunds.runsByKey())
                .as("runs of each idempotency key")
                .hasSize(CALLS)
                .allSatisfy((key, runs) -> assertThat(runs).as(key).isEqualTo(1));

        List<ActionView> every = everyAction(countersign, taskId);
        assertThat(every)
                .extracting(ActionView::actionId)
                .doesNotHaveDuplicates()
                .hasSize(CALLS);
        assertThat(every).allSatisfy(action -> assertThat(action.compensable()).isTrue());
        Map<String, ActionView> decided = every.stream()
                .filter(action -> !action.decisions().isEmpty())
                .collect(Collectors.toMap(ActionView::actionId, action -> action));
        assertThat(decided)
                .containsOnlyKeys(APPROVALS.stream().map(step -> "a" + step).toList());
        assertThat(decided.values())
                .allSatisfy(action -> assertThat(action.decisions())
                        .singleElement()
                        .satisfies(decision -> assertThat(decision.reviewer()).isEqualTo(Reviewer.NAME)));
        phases.done("read " + every.size() + " actions in pages of " + PAGE);

        List<RunCost> runs = runCosts(client, taskId);
        runs.forEach(run -> System.out.println(run.line("LongTaskIT")));
        printConversationRebuild(done);
        phases.done("read " + runs.size() + " runs");

        assertThat(runs).hasSizeGreaterThan(CALLS / 500);
        assertThat(runs.stream().mapToInt(RunCost::steps).sum()).isEqualTo(CALLS + 1);
        RunCost first = runs.get(0);
        RunCost lastComplete = runs.get(runs.size() - 2);
        assertThat(lastComplete.bytesPerStep())
                .as("bytes per step of the last complete run (%s) against the first (%s)", lastComplete, first)
                .isLessThan(1.5 * first.bytesPerStep());
        assertThat(runs).allSatisfy(run -> assertThat(run.carriedBytes()).isLessThan(256 * 1024));
        assertThat(runs.subList(0, runs.size() - 1))
                .allSatisfy(run -> assertThat(run.continued()).isTrue());
        System.out.printf("LongTaskIT wall time of the test: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static List<String> approvalIds(String taskId) {
        return APPROVALS.stream().map(step -> taskId + ".a" + step).toList();
    }

    /** Every action of the task, oldest first, read page by page through the facade. */
    private static List<ActionView> everyAction(Countersign countersign, String taskId) {
        List<ActionView> every = new ArrayList<>();
        String after = null;
        do {
            TaskView page = countersign.read(taskId, after, PAGE).orElseThrow().view();
            assertThat(page.counts().total()).isEqualTo(CALLS);
            every.addAll(page.actions());
            after = page.page().next();
        } while (after != null);
        return every;
    }

    private static List<RunCost> runCosts(WorkflowClient client, String taskId) {
        RunHistories histories = new TaskRuns(client).read(taskId);
        assertThat(histories.complete()).isTrue();
        return IntStream.range(0, histories.runs().size())
                .mapToObj(i -> RunCost.of(i + 1, histories.runs().get(i)))
                .toList();
    }

    /** What one rebuild of the whole conversation from H2 costs at the task's end, as each model call pays it. */
    private static void printConversationRebuild(TaskView done) {
        TranscriptStore store = service.bean(TranscriptStore.class);
        store.conversation(done.taskId(), done.firstRunId());
        int times = 5;
        long start = System.nanoTime();
        int entries = 0;
        for (int i = 0; i < times; i++) {
            entries = store.conversation(done.taskId(), done.firstRunId())
                    .transcript()
                    .size();
        }
        double millis = (System.nanoTime() - start) / 1e6 / times;
        System.out.printf(
                "LongTaskIT conversation rebuild from H2: %d entries in %.1f ms (%.1f us an entry);"
                        + " about %.0f s over the task's %d model calls%n",
                entries, millis, millis * 1000 / entries, millis * (CALLS + 1) / 2 / 1000, CALLS + 1);
    }
}
