package dev.countersign.autoconfigure;

import dev.countersign.notify.NotificationActivities;
import dev.countersign.notify.NotificationReceipt;
import dev.countersign.notify.ReviewerNotification;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications while no target is configured: reviewers find the request in their inbox, and the
 * receipt on the task says it was delivered nowhere. Replace it with a NotificationActivities bean.
 */
public class UnaddressedNotifications implements NotificationActivities {

    private static final Logger log = LoggerFactory.getLogger(UnaddressedNotifications.class);

    @Override
    public NotificationReceipt notifyReviewers(ReviewerNotification notification) {
        log.debug(
                "no notification target for {} of approval {}",
                notification.approval().groups(),
                notification.approval().approvalId());
        return new NotificationReceipt(List.of(), List.of());
    }
}
