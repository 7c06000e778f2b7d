package dev.countersign.service.it;

import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.PendingApproval;
import dev.countersign.client.Countersign;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A support lead who watches her inbox through the facade and approves each refund as it appears,
 * one decision id per approval (a decision met again in a stale inbox is sent again with its id, and
 * gets its first answer). What went wrong while deciding is kept for the test to report.
 */
final class Reviewer implements AutoCloseable {

    static final String NAME = "alice";
    static final Set<String> GROUPS = Set.of("support-leads");

    private final Countersign countersign;
    private final ScheduledExecutorService inbox = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, DecisionResult> decided = new ConcurrentHashMap<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private Reviewer(Countersign countersign) {
        this.countersign = countersign;
    }

    static Reviewer watching(Countersign countersign, Duration every) {
        Reviewer reviewer = new Reviewer(countersign);
        reviewer.inbox.scheduleWithFixedDelay(
                reviewer::approveWhatIsPending, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return reviewer;
    }

    private void approveWhatIsPending() {
        try {
            for (PendingApproval pending : countersign.approvalsFor(NAME, GROUPS)) {
                decided.put(pending.approvalId(), countersign.decide(approve(pending.approvalId())));
            }
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    static DecisionRequest approve(String approvalId) {
        return new DecisionRequest(
                "approve-" + approvalId, approvalId, NAME, GROUPS, DecisionKind.APPROVE, null, null, "");
    }

    /** Approval id to the answer the task gave her. */
    Map<String, DecisionResult> decided() {
        return Map.copyOf(decided);
    }

    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        inbox.shutdownNow();
    }
}
