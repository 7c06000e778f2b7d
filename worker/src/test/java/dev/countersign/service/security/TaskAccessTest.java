package dev.countersign.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.approval.PendingApproval;
import dev.countersign.client.TaskNotFound;
import dev.countersign.policy.Outcome;
import dev.countersign.task.ActionCounts;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one rule of who reads a task, in both scopes. */
class TaskAccessTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private final TaskAccess involved = new TaskAccess(ReadScope.INVOLVED, List.of("operators"), List.of("admins"));
    private final TaskAccess all = new TaskAccess(ReadScope.ALL, List.of("operators"), List.of("admins"));

    /** dave's refund of $5,000: finance's tier passed, it waits for finance-managers. */
    private final TaskView escalated = task(
            "t5000",
            "dave",
            List.of(action("a2", List.of("finance", "finance-managers"))),
            pending("t5000", "finance-managers"));

    @Test
    void theRequesterEveryTiersGroupOperatorsAndAdminsReadTheTask() {
        assertThat(involved.mayRead(user("dave", "support-agents"), escalated)).isTrue();
        assertThat(involved.mayRead(user("bob", "finance"), escalated)).isTrue();
        assertThat(involved.mayRead(user("frank", "finance-managers"), escalated))
                .isTrue();
        assertThat(involved.mayRead(user("olga", "operators"), escalated)).isTrue();
        assertThat(involved.mayRead(user("ada", "admins"), escalated)).isTrue();

        assertThat(involved.mayRead(user("alice", "support-leads"), escalated)).isFalse();
        assertThat(involved.mayRead(user("sam", "support-agents"), escalated)).isFalse();
        assertThat(involved.mayRead(user("erin"), escalated)).isFalse();
    }

    @Test
    void thePendingApprovalsGroupsCountBeforeAnyActionNamesThem() {
        TaskView waiting = task("t1", "dave", List.of(), pending("t1", "support-leads"));

        assertThat(involved.mayRead(user("alice", "support-leads"), waiting)).isTrue();
    }

    @Test
    void theGroupsOfActionsArchivedByEarlierRunsStillCount() {
        TaskView live = task("t3", "dave", List.of(), null);
        TaskView continued = new TaskView(
                live.taskId(),
                live.agent(),
                live.goal(),
                live.input(),
                live.requester(),
                live.status(),
                List.of(),
                null,
                null,
                null,
                null,
                AT,
                AT,
                120,
                0,
                new ActionCounts(100, Map.of(ActionState.EXECUTED, 100)),
                "run-1",
                List.of(),
                null,
                List.of("finance"));

        assertThat(involved.mayRead(user("bob", "finance"), continued)).isTrue();
        assertThat(involved.mayRead(user("alice", "support-leads"), continued)).isFalse();
    }

    @Test
    void aTaskWithNoTierYetIsForItsRequesterOperatorsAndAdmins() {
        TaskView starting = task("t2", "dave", List.of(), null);

        assertThat(involved.readable(user("alice", "support-leads"), List.of(starting, escalated)))
                .isEmpty();
        assertThat(involved.readable(user("dave", "support-agents"), List.of(starting, escalated)))
                .containsExactly(starting, escalated);
        assertThat(involved.readable(user("ada", "admins"), List.of(starting))).containsExactly(starting);
    }

    @Test
    void scopeAllLetsEveryoneReadEverything() {
        assertThat(all.mayRead(user("erin"), escalated)).isTrue();
        assertThat(all.readsEveryTask(user("erin"))).isTrue();
        assertThat(all.mayReadLedger(user("erin"))).isTrue();
    }

    @Test
    void aTaskOutOfScopeIsNotFoundWithTheUnknownIdsMessage() {
        assertThatThrownBy(
                        () -> involved.readable(user("alice", "support-leads"), "t5000", id -> Optional.of(escalated)))
                .isInstanceOf(TaskNotFound.class)
                .hasMessage("no task 't5000'");
        assertThatThrownBy(() -> involved.readable(user("alice", "support-leads"), "nope", id -> Optional.empty()))
                .isInstanceOf(TaskNotFound.class)
                .hasMessage("no task 'nope'");
    }

    @Test
    void thoseWhoReadEveryTaskAreNotMadeToWaitForARead() {
        AtomicInteger reads = new AtomicInteger();

        involved.requireReadable(user("olga", "operators"), "t5000", id -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        all.requireReadable(user("erin"), "t5000", id -> {
            reads.incrementAndGet();
            return Optional.empty();
        });

        assertThat(reads).hasValue(0);
    }

    @Test
    void anApprovalsOwnGroupsAndRequesterNeedNoReadOfItsTask() {
        AtomicInteger reads = new AtomicInteger();
        PendingApproval approval = escalated.pendingApproval();

        assertThat(involved.mayRead(user("frank", "finance-managers"), approval, () -> {
                    reads.incrementAndGet();
                    return Optional.of(escalated);
                }))
                .isTrue();
        assertThat(reads).hasValue(0);
        assertThat(involved.mayRead(user("bob", "finance"), approval, () -> {
                    reads.incrementAndGet();
                    return Optional.of(escalated);
                }))
                .isTrue();
        assertThat(reads).hasValue(1);
        assertThat(involved.mayRead(user("alice", "support-leads"), approval, () -> Optional.of(escalated)))
                .isFalse();
    }

    @Test
    void theLedgerIsForOperatorsOnly() {
        assertThat(involved.mayReadLedger(user("olga", "operators"))).isTrue();
        assertThat(involved.mayReadLedger(user("ada", "admins"))).isFalse();
        assertThat(involved.mayReadLedger(user("dave", "support-agents"))).isFalse();
    }

    @Test
    void steeringStaysForTheTasksPeopleAndOperators() {
        assertThat(TaskAccess.maySteer(user("bob", "finance"), false, escalated))
                .isTrue();
        assertThat(TaskAccess.maySteer(user("ada", "admins"), false, escalated)).isFalse();
        assertThat(TaskAccess.maySteer(user("olga", "operators"), true, escalated))
                .isTrue();
    }

    private static Reviewer user(String name, String... groups) {
        return new Reviewer(name, Set.of(groups));
    }

    private static TaskView task(String taskId, String requester, List<ActionView> actions, PendingApproval pending) {
        return new TaskView(
                taskId,
                "support",
                "refund",
                Map.of(),
                requester,
                pending == null ? TaskStatus.RUNNING : TaskStatus.AWAITING_APPROVAL,
                actions,
                pending == null ? null : pending.approvalId(),
                pending,
                null,
                null,
                AT,
                AT,
                0,
                0,
                ActionCounts.of(actions),
                null,
                null,
                null,
                null);
    }

    private static ActionView action(String actionId, List<String> reviewerGroups) {
        return new ActionView(
                actionId,
                "issue_refund",
                Map.of("amount", 5000),
                "sha256:abc",
                "charged twice",
                0.9,
                Outcome.APPROVE,
                "large-refunds",
                "policy-hash",
                null,
                ActionState.PENDING,
                null,
                null,
                List.of(),
                List.of(),
                AT,
                null,
                null,
                null,
                false,
                reviewerGroups);
    }

    private static PendingApproval pending(String taskId, String group) {
        return new PendingApproval(
                taskId + ".a2",
                taskId,
                "a2",
                "issue_refund",
                Map.of("amount", 5000),
                "sha256:abc",
                "charged twice",
                0.9,
                List.of(),
                "dave",
                "large-refunds",
                "policy-hash",
                group,
                List.of(group),
                1,
                0,
                List.of(),
                AT,
                null);
    }
}
