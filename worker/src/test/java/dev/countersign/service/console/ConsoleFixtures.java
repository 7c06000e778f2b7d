package dev.countersign.service.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.countersign.approval.PendingApproval;
import dev.countersign.service.security.CurrentUser;
import dev.countersign.task.ActionCounts;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signed-in users and small domain values for the console's tests. */
public final class ConsoleFixtures {

    public static final Instant REQUESTED = Instant.parse("2026-03-01T09:00:00Z");

    private ConsoleFixtures() {}

    /** A signed-in console user with these groups, as form login would make them. */
    public static RequestPostProcessor signedIn(String name, String... groups) {
        return user(name)
                .authorities(Arrays.stream(groups)
                        .map(group -> new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                CurrentUser.authority(group)))
                        .toList());
    }

    public static RequestPostProcessor alice() {
        return signedIn("alice", "support-leads");
    }

    public static RequestPostProcessor bob() {
        return signedIn("bob", "finance");
    }

    public static RequestPostProcessor carol() {
        return signedIn("carol", "finance");
    }

    public static RequestPostProcessor dave() {
        return signedIn("dave", "support-agents");
    }

    public static RequestPostProcessor olga() {
        return signedIn("olga", "operators");
    }

    public static RequestPostProcessor ada() {
        return signedIn("ada", "admins");
    }

    public static Map<String, Object> refundArgs(String amount) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("orderId", "A-1");
        args.put("amount", new java.math.BigDecimal(amount));
        args.put("currency", "USD");
        return args;
    }

    /** A refund of {@code amount} from dave's task {@code taskId}, waiting for one support lead. */
    public static PendingApproval mediumRefund(String taskId, String amount, String digest) {
        return approval(taskId, "medium-refunds", "support-leads", 1, refundArgs(amount), digest, List.of());
    }

    /** A refund waiting for two of finance, approved so far by {@code approvers}. */
    public static PendingApproval largeRefund(String taskId, String amount, String digest, String... approvers) {
        return approval(taskId, "large-refunds", "finance", 2, refundArgs(amount), digest, List.of(approvers));
    }

    public static PendingApproval approval(
            String taskId,
            String rule,
            String group,
            int required,
            Map<String, Object> args,
            String digest,
            List<String> approvers) {
        return new PendingApproval(
                taskId + ".a2",
                taskId,
                "a2",
                "issue_refund",
                args,
                digest,
                "the customer was charged twice",
                0.9,
                List.of("financial"),
                "dave",
                rule,
                "policy-hash",
                group,
                List.of(group),
                required,
                approvers.size(),
                approvers,
                REQUESTED,
                REQUESTED.plusSeconds(4 * 3600));
    }

    public static TaskView task(String taskId, TaskStatus status, PendingApproval pending) {
        return task(taskId, status, pending, List.of());
    }

    /** dave's task with these actions, and the pending approval if any. */
    public static TaskView task(String taskId, TaskStatus status, PendingApproval pending, List<ActionView> actions) {
        return new TaskView(
                taskId,
                "support",
                "Refund order A-1",
                Map.of("orderId", "A-1"),
                "dave",
                status,
                actions,
                pending == null ? null : pending.approvalId(),
                pending,
                null,
                null,
                REQUESTED,
                REQUESTED,
                3,
                4200,
                ActionCounts.of(actions),
                null,
                null,
                null,
                null);
    }
}
