package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.client.Countersign;
import dev.countersign.history.RunHistories;
import dev.countersign.history.TaskRuns;
import dev.countersign.service.testing.Eventually;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decisions that race a continue-as-new on the dev server: the task continues as new every 5 steps
 * and asks for approval exactly when its run is due to hand over, so the approval is carried to the
 * next run while the reviewer's decision, sent twice at once with one decision id as a retrying
 * client would, is on its way. Each is applied once, and each refund runs once.
 */
class DecisionsAcrossTheSwitchIT {

    private static final String AGENT = "switching-refunds";
    private static final int REFUNDS = 100;
    /** The first approvals are decided this much later each, sweeping the switch; the rest after it. */
    private static final Duration SWEEP = Duration.ofMillis(25);

    private static final int SWEPT = 16;
    private static final int EVERY = 5;
    private static final String TASK = "switching";

    private static final CountingRefund refunds = new CountingRefund();
    private static InProcessService service;

    @BeforeAll
    static void startService() {
        service = InProcessService.start(
                Cluster.start(DecisionsAcrossTheSwitchIT.class),
                new RefundingAgent(AGENT, REFUNDS, step -> step % EVERY == 0),
                refunds,
                "countersign.agents=file:" + agentsFile());
    }

    /** The agent's budget: it continues as new every few steps, so decisions meet the switch. */
    private static Path agentsFile() {
        try {
            Path file = Files.createTempFile("countersign-agents", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, "agents:\n  " + AGENT + ":\n    continue-as-new-after: " + EVERY + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopEverything() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void decisionsSentTwiceWhileTheTaskContinuesAsNewAreAppliedOnce() throws Exception {
        Phases phases = new Phases("switch");
        Countersign countersign = service.countersign();
        WorkflowClient client = service.client();
        countersign.start(new TaskStart(TASK, AGENT, "refund in steps", Map.of(), Desk.REQUESTER));

        List<DecisionResult> results = new ArrayList<>();
        for (int step = EVERY; step <= REFUNDS; step += EVERY) {
            int approval = step / EVERY;
            String approvalId = awaitPending(countersign, "a" + step);
            if (approval <= SWEPT) {
                sweep(SWEEP.multipliedBy(approval - 1));
            } else {
                awaitRun(client, askingRun(approval) + 1);
            }
            DecisionRequest decision = Reviewer.approve(approvalId);
            CompletableFuture<DecisionResult> first = CompletableFuture.supplyAsync(() -> countersign.decide(decision));
            CompletableFuture<DecisionResult> again = CompletableFuture.supplyAsync(() -> countersign.decide(decision));
            results.add(first.join());
            results.add(again.join());
        }
        phases.done((REFUNDS / EVERY) + " approvals decided, each twice at once");

        TaskView done = client.newUntypedWorkflowStub(TASK).getResult(2, TimeUnit.MINUTES, TaskView.class);
        phases.done("task ended");

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(results).allSatisfy(result -> assertThat(result.state()).isEqualTo(ApprovalState.APPROVED));
        assertThat(done.counts().byState()).containsExactly(Map.entry(ActionState.EXECUTED, REFUNDS));
        assertThat(refunds.runsByKey())
                .as("runs of each idempotency key")
                .hasSize(REFUNDS)
                .allSatisfy((key, runs) -> assertThat(runs).as(key).isEqualTo(1));
        Map<String, Integer> decisionsByAction =
                countersign.read(TASK, null, REFUNDS).orElseThrow().view().actions().stream()
                        .filter(action -> !action.decisions().isEmpty())
                        .collect(Collectors.toMap(
                                ActionView::actionId,
                                action -> action.decisions().size()));
        assertThat(decisionsByAction)
                .as("decisions recorded on each action")
                .hasSize(REFUNDS / EVERY)
                .allSatisfy((actionId, count) -> assertThat(count).as(actionId).isEqualTo(1));

        RunHistories runs = new TaskRuns(client).read(TASK);
        assertThat(runs.runs()).as("runs of the task").hasSizeGreaterThanOrEqualTo(REFUNDS / EVERY);
        Map<String, List<Integer>> acceptedIn = acceptedIn(runs);
        acceptedIn.forEach((approvalId, inRuns) ->
                System.out.println("DecisionsAcrossTheSwitchIT " + approvalId + " decided in run(s) " + inRuns));
        assertThat(acceptedIn).hasSize(REFUNDS / EVERY);
        for (int approval = SWEPT + 1; approval <= REFUNDS / EVERY; approval++) {
            int asked = askingRun(approval);
            assertThat(acceptedIn.get(TASK + ".a" + approval * EVERY))
                    .as(
                            "runs that took the decision on approval %d, asked in run %d and sent after it",
                            approval, asked)
                    .allSatisfy(run -> assertThat(run).isGreaterThan(asked));
        }
        phases.done("checked " + runs.runs().size() + " runs");
    }

    /**
     * The run that asks the approval of step {@code approval * EVERY}: each run takes {@code EVERY}
     * steps, and the last one proposes the call that needs approval.
     */
    private static int askingRun(int approval) {
        return approval;
    }

    private static void awaitRun(WorkflowClient client, int run) {
        Eventually.until(
                "run " + run + " of the task",
                Deadlines.STEP,
                Duration.ofMillis(10),
                () -> new TaskRuns(client).read(TASK).runs().size(),
                runs -> runs >= run);
    }

    /** Approval id to the runs (1 for the first) in which a decision on it was accepted, once per copy that reached it. */
    private static Map<String, List<Integer>> acceptedIn(RunHistories runs) {
        Map<String, List<Integer>> accepted = new java.util.TreeMap<>();
        for (int run = 0; run < runs.runs().size(); run++) {
            for (HistoryEvent event : runs.runs().get(run).events()) {
                if (event.hasWorkflowExecutionUpdateAcceptedEventAttributes()) {
                    String input = event.getWorkflowExecutionUpdateAcceptedEventAttributes()
                            .getAcceptedRequest()
                            .getInput()
                            .getArgs()
                            .getPayloads(0)
                            .getData()
                            .toStringUtf8();
                    String approvalId =
                            Api.JSON.readTree(input).path("approvalId").asString();
                    accepted.computeIfAbsent(approvalId, id -> new ArrayList<>())
                            .add(run + 1);
                }
            }
        }
        return accepted;
    }

    /** Holds the decision back by this much: the offsets sweep the moment of the switch. */
    private static void sweep(Duration offset) {
        LockSupport.parkNanos(offset.toNanos());
    }

    /** Waits for the approval of this action, probing often so that the decision races the switch. */
    private static String awaitPending(Countersign countersign, String actionId) {
        TaskView view = Eventually.until(
                "the task asks about " + actionId,
                Deadlines.STEP,
                Duration.ofMillis(5),
                () -> countersign.task(TASK).orElseThrow(),
                task -> task.pendingApprovals().stream()
                        .anyMatch(pending -> pending.actionId().equals(actionId)));
        return TASK + "." + actionId;
    }
}
