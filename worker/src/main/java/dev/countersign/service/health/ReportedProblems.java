package dev.countersign.service.health;

import dev.countersign.task.AgentTaskWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Running tasks that the Temporal server itself flags with its {@code TemporalReportedProblems}
 * search attribute (set after consecutive workflow task failures or timeouts, on servers that
 * offer it; the CLI's dev server 1.29 and the embedded test server do not). Asked at most once per
 * {@code refresh}, at most {@value #LIMIT} ids; a server that does not know the attribute is not
 * asked again.
 */
public class ReportedProblems {

    static final int LIMIT = 20;
    static final String QUERY = "WorkflowType = '" + AgentTaskWorkflow.class.getSimpleName()
            + "' AND ExecutionStatus = 'Running' AND TemporalReportedProblems IS NOT NULL";
    private static final Logger log = LoggerFactory.getLogger(ReportedProblems.class);

    private final WorkflowClient client;
    private final Duration refresh;
    private final Clock clock;
    private boolean offered = true;
    private Instant askedAt = Instant.MIN;
    private List<String> last = List.of();

    /** {@code client} should have a short deadline (the listing's), so health never waits long. */
    public ReportedProblems(WorkflowClient client, Duration refresh, Clock clock) {
        this.client = client;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** The flagged task ids, or empty when this server does not offer the attribute. */
    public synchronized Optional<List<String>> taskIds() {
        if (!offered) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (askedAt.plus(refresh).isAfter(now)) {
            return Optional.of(last);
        }
        askedAt = now;
        try (var executions = client.listExecutions(QUERY)) {
            last = executions
                    .limit(LIMIT)
                    .map(WorkflowExecutionMetadata::getExecution)
                    .map(execution -> execution.getWorkflowId())
                    .toList();
            return Optional.of(last);
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.INVALID_ARGUMENT || code == Status.Code.UNIMPLEMENTED) {
                offered = false;
                log.info("this Temporal server offers no TemporalReportedProblems search attribute ({})", code);
                return Optional.empty();
            }
            log.warn("could not list tasks with TemporalReportedProblems: {}", e.getStatus());
            return Optional.of(last);
        }
    }
}
