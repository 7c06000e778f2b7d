package dev.countersign.task;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.payload.Carried;
import dev.countersign.payload.Fingerprint;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.RollbackRequest;
import dev.countersign.review.RollbackResult;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowLock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every request the task answered (decisions, reviews, rollbacks, operators' requests), by its id:
 * who asked, a fingerprint of what they asked, and the answer. A request repeated with its id gets
 * the earlier answer; an id used again by someone else, or by the same caller for something else, is
 * refused. Part of the carried state: kept for open approvals and the newest {@link #KEPT}.
 */
@Carried
final class Answers {

    static final int KEPT = 1000;

    /**
     * What was asked under an id: the kind of request ("decision", "review", "request"), the caller, a
     * fingerprint of the request, what to call it when the id comes back for something else, and the
     * approval it concerns (null for none).
     */
    record Asked(String kind, String caller, String fingerprint, String described, String approvalId) {}

    record Answer(
            Asked asked,
            Instant at,
            @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Object result) {}

    private Map<String, Answer> byId = new LinkedHashMap<>();

    /**
     * The answer already given under this id, or null. Pure, so validators call it: a refusal leaves
     * no event in history.
     */
    <T> T earlier(String id, Asked asked) {
        Answer earlier = byId.get(id);
        if (earlier == null) {
            return null;
        }
        if (!earlier.asked().caller().equals(asked.caller())) {
            throw DecisionRefusal.of(
                    DecisionRefusal.INVALID_DECISION,
                    asked.kind() + " id " + id + " was already used for another " + asked.kind());
        }
        if (!earlier.asked().fingerprint().equals(asked.fingerprint())) {
            throw DecisionRefusal.of(
                    DecisionRefusal.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key " + id + " was used for " + earlier.asked().described() + " at " + earlier.at()
                            + "; a different " + asked.kind() + " needs a new key");
        }
        @SuppressWarnings("unchecked")
        T result = (T) earlier.result();
        return result;
    }

    /**
     * Answers the request once, under the lock: the earlier answer when there is one (checked again
     * once the lock is held, since another handler may have answered meanwhile), else what {@code
     * apply} returns, remembered under the id.
     */
    <T> T once(String id, Asked asked, WorkflowLock lock, Supplier<T> apply) {
        T earlier = earlier(id, asked);
        if (earlier != null) {
            return earlier;
        }
        lock.lock();
        try {
            earlier = earlier(id, asked);
            if (earlier != null) {
                return earlier;
            }
            T result = apply.get();
            remember(id, asked, result, Instant.ofEpochMilli(Workflow.currentTimeMillis()));
            return result;
        } finally {
            lock.unlock();
        }
    }

    void remember(String id, Asked asked, Object result, Instant at) {
        byId.put(id, new Answer(asked, at, result));
    }

    /**
     * Readies the answers to be carried to the next run: forgets the oldest beyond {@link #KEPT},
     * except those about approvals still open, and keeps a review's or rollback's answer with its
     * comments and compensation results cut (as an old action's are), so the carried state stays
     * small. A repeated request after the switch gets that shorter answer.
     */
    void compact(Set<String> openApprovals) {
        byId.replaceAll((id, answer) -> new Answer(answer.asked(), answer.at(), compact(answer.result())));
        trim(openApprovals);
    }

    private static Object compact(Object result) {
        if (result instanceof ReviewResult review) {
            return BoundedView.elided(review);
        }
        if (result instanceof RollbackResult rollback) {
            return new RollbackResult(
                    rollback.taskId(),
                    rollback.actions().stream().map(BoundedView::elided).toList());
        }
        return result;
    }

    private void trim(Set<String> openApprovals) {
        int excess = byId.size() - KEPT;
        Iterator<Answer> oldest = byId.values().iterator();
        while (excess > 0 && oldest.hasNext()) {
            Answer answer = oldest.next();
            if (answer.asked().approvalId() == null
                    || !openApprovals.contains(answer.asked().approvalId())) {
                oldest.remove();
                excess--;
            }
        }
    }

    /** A decision as its id remembers it: the same decision, whatever groups the reviewer has now. */
    static Asked asked(DecisionRequest decision) {
        return new Asked(
                "decision",
                decision.reviewer(),
                Fingerprint.of(
                        decision.approvalId(),
                        decision.kind().wireName(),
                        decision.args(),
                        decision.argsDigest(),
                        decision.comment()),
                decision.kind().wireName() + " of " + decision.approvalId(),
                decision.approvalId());
    }

    static Asked asked(ReviewRequest request) {
        return new Asked(
                "request",
                request.reviewer(),
                Fingerprint.of(request.actionId(), request.verdict().wireName(), request.comment()),
                request.verdict().wireName() + " of action " + request.actionId(),
                null);
    }

    static Asked asked(AttentionRequest request) {
        return new Asked(
                "request",
                request.operatorName(),
                Fingerprint.of(request.actionId(), request.kind().name(), request.comment()),
                request.kind().name().toLowerCase(java.util.Locale.ROOT) + " of action " + request.actionId(),
                null);
    }

    static Asked asked(RollbackRequest request) {
        return new Asked("request", request.by(), Fingerprint.of(request.comment()), "a rollback of the task", null);
    }

    int size() {
        return byId.size();
    }
}
