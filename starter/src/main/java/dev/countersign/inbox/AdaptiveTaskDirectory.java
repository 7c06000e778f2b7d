package dev.countersign.inbox;

import io.temporal.client.WorkflowClient;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uses visibility queries where the server answers them and falls back to scanning open executions
 * where it does not (Temporal's Java test server, the embedded default). Decides on first use.
 */
public class AdaptiveTaskDirectory implements TaskDirectory {

    private static final Logger log = LoggerFactory.getLogger(AdaptiveTaskDirectory.class);

    private final WorkflowClient client;
    private final WorkflowClient queryClient;
    private volatile TaskDirectory chosen;

    public AdaptiveTaskDirectory(WorkflowClient client) {
        this(client, client);
    }

    /** {@code queryClient} reads tasks' views where a scan must (see {@link ScanningTaskDirectory}). */
    public AdaptiveTaskDirectory(WorkflowClient client, WorkflowClient queryClient) {
        this.client = client;
        this.queryClient = queryClient;
    }

    TaskDirectory chosen() {
        TaskDirectory directory = chosen;
        if (directory == null) {
            synchronized (this) {
                if (chosen == null) {
                    VisibilityTaskDirectory visibility = new VisibilityTaskDirectory(client);
                    if (visibility.supported()) {
                        chosen = visibility;
                        log.info("inbox: visibility queries over Countersign's search attributes");
                    } else {
                        chosen = new ScanningTaskDirectory(client, queryClient);
                        log.info("inbox: this Temporal server has no visibility queries; scanning open tasks");
                    }
                }
                directory = chosen;
            }
        }
        return directory;
    }

    @Override
    public List<String> openTaskIds() {
        return chosen().openTaskIds();
    }

    @Override
    public List<String> awaitingApprovalTaskIds(Collection<String> groups) {
        return chosen().awaitingApprovalTaskIds(groups);
    }

    @Override
    public TaskIdPage awaitingApprovalPage(Collection<String> groups, int limit, String pageToken) {
        return chosen().awaitingApprovalPage(groups, limit, pageToken);
    }

    @Override
    public List<String> awaitingReviewTaskIds(Collection<String> groups, boolean operator) {
        return chosen().awaitingReviewTaskIds(groups, operator);
    }

    @Override
    public long countAwaitingApproval() {
        return chosen().countAwaitingApproval();
    }

    @Override
    public List<String> recentTaskIds(int limit) {
        return chosen().recentTaskIds(limit);
    }
}
