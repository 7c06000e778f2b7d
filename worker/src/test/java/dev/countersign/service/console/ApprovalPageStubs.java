package dev.countersign.service.console;

import static org.mockito.BDDMockito.given;

import dev.countersign.approval.PendingApproval;
import dev.countersign.client.Countersign;
import dev.countersign.history.TaskHistory;
import dev.countersign.task.TaskStatus;
import java.util.List;
import java.util.Optional;

/** Makes the mocked facade serve one pending approval, its task and an empty timeline. */
public final class ApprovalPageStubs {

    private ApprovalPageStubs() {}

    public static void pending(Countersign countersign, PendingApproval approval) {
        given(countersign.approval(approval.approvalId())).willReturn(Optional.of(approval));
        given(countersign.task(approval.taskId()))
                .willReturn(
                        Optional.of(ConsoleFixtures.task(approval.taskId(), TaskStatus.AWAITING_APPROVAL, approval)));
        given(countersign.history(approval.taskId())).willReturn(new TaskHistory(approval.taskId(), null, List.of()));
    }
}
