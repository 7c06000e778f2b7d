package dev.countersign.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStatus;
import io.temporal.client.WorkflowUpdateException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An edit the policy denies fails in the Update handler and is told as DECISION_FAILED; a decision
 * the validator refuses leaves nothing; a cancellation ends the task as CANCELLED.
 */
class RefusedEditAndCancelTimelineTest {

    private final LiveTasks tasks = new LiveTasks();

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void refusedEditAndCancellationAreTold() {
        AgentTaskWorkflow task = tasks.start("refund-9", Map.of("orderId", "A-7"));
        LiveTasks.awaitStatus(task, TaskStatus.AWAITING_APPROVAL);
        assertThatThrownBy(() -> task.decide(decision("dave", Set.of("support-agents"), DecisionKind.APPROVE, null)))
                .isInstanceOf(WorkflowUpdateException.class);
        assertThatThrownBy(() -> task.decide(
                        decision("alice", Set.of("support-leads"), DecisionKind.EDIT, Map.of("amount", 5000))))
                .isInstanceOf(WorkflowUpdateException.class);
        task.cancel(new TaskMessage("olga", "customer withdrew"));
        LiveTasks.result(task);

        List<TimelineEvent> events =
                new TaskHistoryReader(tasks.client, null).read("refund-9").events();

        assertThat(events)
                .extracting(TimelineEvent::kind, TimelineEvent::actionId, TimelineEvent::actor)
                .containsExactly(
                        tuple(TimelineKind.STARTED, null, "dave"),
                        tuple(TimelineKind.PROPOSED, "a1", null),
                        tuple(TimelineKind.POLICY_VERDICT, "a1", null),
                        tuple(TimelineKind.AWAITING_APPROVAL, "a1", null),
                        tuple(TimelineKind.NOTIFIED, "a1", null),
                        tuple(TimelineKind.POLICY_VERDICT, "a1", null),
                        tuple(TimelineKind.DECISION_FAILED, "a1", "alice"),
                        tuple(TimelineKind.CANCEL_REQUESTED, null, "olga"),
                        tuple(TimelineKind.CANCELLED, null, null));
        assertThat(events.get(5).details())
                .containsEntry("outcome", "DENY")
                .containsEntry("editedBy", "alice")
                .containsEntry("reason", ScriptedActivities.DENIED_ABOVE_1000);
        assertThat(events.get(6).tool()).isEqualTo("issue_refund");
        assertThat(events.get(6).details())
                .containsEntry("update", "decide")
                .containsEntry("approvalId", "refund-9.a1")
                .containsEntry("decision", "edit")
                .containsEntry("errorType", DecisionRefusal.EDIT_DENIED)
                .containsEntry(
                        "error", "the policy refuses the edited arguments: " + ScriptedActivities.DENIED_ABOVE_1000);
        assertThat(events.get(6).summary())
                .isEqualTo("alice's edit of issue_refund was refused: the policy refuses the edited arguments: "
                        + ScriptedActivities.DENIED_ABOVE_1000 + ".");
        assertThat(events.get(7).details()).containsEntry("by", "olga").containsEntry("reason", "customer withdrew");
        assertThat(events.get(8).details())
                .containsEntry("status", "CANCELLED")
                .containsEntry("summary", "cancelled by olga: customer withdrew");
        assertThat(events.get(8).summary()).isEqualTo("The task was cancelled: cancelled by olga: customer withdrew.");
    }

    private static DecisionRequest decision(
            String reviewer, Set<String> groups, DecisionKind kind, Map<String, Object> args) {
        return new DecisionRequest(reviewer + "-" + kind, "refund-9.a1", reviewer, groups, kind, args, null, "");
    }
}
