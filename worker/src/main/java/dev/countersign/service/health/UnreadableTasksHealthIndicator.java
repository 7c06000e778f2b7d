package dev.countersign.service.health;

import dev.countersign.listing.TaskReadFailures;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code unreadableTasks} health component: always UP (one wedged task is not the service), and
 * for operators, who see details, the running tasks most recently found unreadable by a listing
 * (at most 20) and, where the Temporal server offers the {@code TemporalReportedProblems} search
 * attribute, the tasks it flags for failing workflow tasks.
 */
public class UnreadableTasksHealthIndicator extends AbstractHealthIndicator {

    private final TaskReadFailures failures;
    private final ReportedProblems reported;

    public UnreadableTasksHealthIndicator(TaskReadFailures failures, ReportedProblems reported) {
        super("unreadable tasks check failed");
        this.failures = failures;
        this.reported = reported;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Map<String, Object>> recent = failures.recent().stream()
                .map(task -> Map.<String, Object>of(
                        "taskId", task.taskId(),
                        "reason", task.reason(),
                        "at", task.at().toString(),
                        "error", task.error()))
                .toList();
        builder.up().withDetail("recentlyUnreadable", recent);
        reported.taskIds()
                .ifPresentOrElse(
                        ids -> builder.withDetail("temporalReportedProblems", ids),
                        () -> builder.withDetail("temporalReportedProblems", "not offered by this Temporal server"));
    }
}
