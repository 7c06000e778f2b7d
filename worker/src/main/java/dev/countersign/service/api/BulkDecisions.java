package dev.countersign.service.api;

import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.PendingApproval;
import dev.countersign.client.Countersign;
import dev.countersign.service.security.LogSafe;
import dev.countersign.service.security.Reviewer;
import dev.countersign.service.security.TaskAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one decision on many approvals of one policy rule: each approval is decided on its own by
 * {@link ApprovalDecisions}, exactly as a single decision is, so some may be refused while others are
 * recorded; at most {@code parallelism} are read or decided at once. Refused as a whole, before
 * anything is sent: a request over approvals of several rules (409 {@code MixedRules}), and one from
 * a caller in none of the groups its approvals wait for (403 {@code NotAnApprover}).
 */
class BulkDecisions implements AutoCloseable {

    static final String MIXED_RULES = "MixedRules";

    private static final Logger log = LoggerFactory.getLogger(BulkDecisions.class);

    private final Countersign countersign;
    private final TaskAccess access;
    private final ApprovalDecisions decisions;
    private final ApiExceptionHandler problems;
    private final ExecutorService pool;

    BulkDecisions(
            Countersign countersign,
            TaskAccess access,
            ApprovalDecisions decisions,
            ApiExceptionHandler problems,
            int parallelism) {
        this.countersign = countersign;
        this.access = access;
        this.decisions = decisions;
        this.problems = problems;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "countersign-bulk-decision-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param idempotencyKey the request's checked Idempotency-Key, or null: each approval's decision
     *     id is {@code <key>/<approvalId>}, so a retried request is answered approval by approval as
     *     the first one was
     */
    BulkDecisionResult decide(
            Reviewer caller, BulkDecisionBody body, String idempotencyKey, HttpServletRequest request) {
        DecisionKind kind = body.checked();
        decisions.checkComment(body.comment());
        List<BulkDecisionBody.Item> items = body.approvals();
        List<PendingApproval> pending =
                all(items, item -> access.readableApproval(caller, item.approvalId(), countersign)).stream()
                        .flatMap(Optional::stream)
                        .toList();
        refuseMixedRules(pending);
        refuseNonApprover(caller, pending);
        List<BulkItemResult> results = all(items, item -> decide(caller, body, item, idempotencyKey, request));
        BulkDecisionResult answer = BulkDecisionResult.of(results);
        log.info(
                "bulk {} by '{}': {} of {} recorded, {} refused",
                kind.wireName(),
                LogSafe.text(caller.name()),
                answer.recorded(),
                items.size(),
                answer.refused());
        return answer;
    }

    private BulkItemResult decide(
            Reviewer caller,
            BulkDecisionBody body,
            BulkDecisionBody.Item item,
            String idempotencyKey,
            HttpServletRequest request) {
        String decisionId =
                idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey + "/" + item.approvalId();
        try {
            return BulkItemResult.recorded(decisions.decide(caller, item.approvalId(), decisionId, body.single(item)));
        } catch (RuntimeException refused) {
            return BulkItemResult.refused(item.approvalId(), problems.problemOf(refused, request));
        }
    }

    /**
     * One judgement applied to many calls is only sound when they are alike: the rule is what the
     * reviewer judged (its tool, its conditions, its tiers), as in the console's bulk approval.
     */
    private static void refuseMixedRules(List<PendingApproval> pending) {
        TreeSet<String> rules = new TreeSet<>();
        pending.forEach(approval -> rules.add(String.valueOf(approval.rule())));
        if (rules.size() > 1) {
            throw ApiProblem.conflict(
                    MIXED_RULES,
                    "a bulk decision takes approvals of one policy rule at a time; these come from rules "
                            + String.join(", ", rules) + ": send one request per rule. Nothing was decided");
        }
    }

    private static void refuseNonApprover(Reviewer caller, List<PendingApproval> pending) {
        if (!pending.isEmpty() && pending.stream().noneMatch(approval -> caller.inAnyOf(approval.groups()))) {
            throw ApiProblem.forbidden(
                    DecisionRefusal.NOT_AN_APPROVER,
                    "none of these approvals waits for a group of yours; they wait for "
                            + new TreeSet<>(pending.stream()
                                    .flatMap(approval -> approval.groups().stream())
                                    .toList())
                            + ". Nothing was decided");
        }
    }

    /**
     * Applies {@code work} to every item on the pool, at most its parallelism at once, and keeps their
     * order; a failure of one is rethrown as itself (not wrapped by the pool), so it is answered as
     * the same failure of a single request is (an unavailable Temporal server: 503).
     */
    private <T> List<T> all(List<BulkDecisionBody.Item> items, Function<BulkDecisionBody.Item, T> work) {
        List<CompletableFuture<T>> futures = items.stream()
                .map(item -> CompletableFuture.supplyAsync(() -> work.apply(item), pool))
                .toList();
        try {
            return futures.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
