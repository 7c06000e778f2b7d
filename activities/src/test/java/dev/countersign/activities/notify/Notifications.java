package dev.countersign.activities.notify;

import dev.countersign.approval.PendingApproval;
import dev.countersign.notify.NotificationKind;
import dev.countersign.notify.ReviewerNotification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A refund waiting for reviewers, as the workflow would describe it. */
final class Notifications {

    static final Instant REQUESTED_AT = Instant.parse("2025-06-01T08:00:00Z");
    static final Instant ESCALATES_AT = Instant.parse("2025-06-01T12:00:00Z");

    private Notifications() {}

    static PendingApproval refund(String tier, List<String> groups) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("order_id", "A-17");
        args.put("amount", 250);
        return new PendingApproval(
                "t-42.a-3",
                "t-42",
                "a-3",
                "refund_payment",
                args,
                "d1g3st",
                "the parcel never arrived",
                0.62,
                List.of("money"),
                "alice",
                "refunds-over-100",
                "p0l1cy",
                tier,
                groups,
                1,
                0,
                List.of(),
                REQUESTED_AT,
                ESCALATES_AT);
    }

    static ReviewerNotification requested(String... groups) {
        return new ReviewerNotification(NotificationKind.APPROVAL_REQUESTED, refund("manager", List.of(groups)), "");
    }

    static ReviewerNotification escalated(String reason, String... groups) {
        return new ReviewerNotification(NotificationKind.ESCALATED, refund("director", List.of(groups)), reason);
    }
}
