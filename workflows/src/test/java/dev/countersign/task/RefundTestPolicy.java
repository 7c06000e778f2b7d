package dev.countersign.task;

import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyActivities;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.ReviewPlan;
import dev.countersign.policy.TimeoutOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo policy's thresholds, hard-wired for workflow tests: <=10 auto, <=1000 one lead, else two
 * finance. Review plans (window {@link #REVIEW_WINDOW}) follow the task input, so tests pick what is
 * reviewed: {"sample": true} samples small refunds, {"review": true} reviews approved medium refunds,
 * {"sampleAll": true} samples lookups and emails too. Order ids and currencies are normalized to upper
 * case, as a tool may normalize its arguments before the policy judges them.
 */
class RefundTestPolicy implements PolicyActivities {

    static final String HASH = "test-policy";
    static final Duration REVIEW_WINDOW = Duration.ofHours(24);

    /** Tools whose verdicts say they run as local activities, as the registry says of a tool so registered. */
    final java.util.Set<String> localTools = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public PolicyVerdict evaluatePolicy(PolicyRequest proposed) {
        Map<String, Object> normalized = normalized(proposed.call().args());
        boolean changed = !normalized.equals(proposed.call().args());
        PolicyRequest request = changed
                ? new PolicyRequest(
                        proposed.taskId(),
                        proposed.agent(),
                        proposed.requester(),
                        proposed.input(),
                        proposed.call().withArgs(normalized),
                        proposed.actionId())
                : proposed;
        PolicyVerdict judged = reviewed(request);
        PolicyVerdict verdict = changed ? judged.judging(normalized) : judged;
        return localTools.contains(proposed.call().tool()) ? verdict.runningLocally(true) : verdict;
    }

    /** Order ids and currencies as the refund tool reads them: upper case, without spaces around. */
    private static Map<String, Object> normalized(Map<String, Object> args) {
        Map<String, Object> normalized = new java.util.LinkedHashMap<>(args);
        for (String name : List.of("orderId", "currency")) {
            if (args.get(name) instanceof String text) {
                normalized.put(name, text.strip().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return normalized;
    }

    private PolicyVerdict reviewed(PolicyRequest request) {
        PolicyVerdict verdict = verdict(request);
        Map<String, Object> input = request.input();
        boolean sampleAll = Boolean.TRUE.equals(input.get("sampleAll"));
        ReviewPlan review = switch (String.valueOf(verdict.rule())) {
            case "small-refunds" ->
                new ReviewPlan(REVIEW_WINDOW, 0.2, sampleAll || Boolean.TRUE.equals(input.get("sample")));
            case "medium-refunds" ->
                Boolean.TRUE.equals(input.get("review")) || sampleAll
                        ? new ReviewPlan(REVIEW_WINDOW, 0.0, false)
                        : null;
            case "read-and-notify" -> sampleAll ? new ReviewPlan(REVIEW_WINDOW, 1.0, true) : null;
            default -> null;
        };
        return review == null ? verdict : verdict.with(review, null);
    }

    private PolicyVerdict verdict(PolicyRequest request) {
        String tool = request.call().tool();
        Map<String, Object> args = request.call().args();
        String digest = digest(tool, args);
        if (!tool.equals("issue_refund")) {
            return new PolicyVerdict(Outcome.AUTO, "read-and-notify", HASH, "", List.of(), digest, false);
        }
        if (!(args.get("amount") instanceof Number amount) || amount.doubleValue() <= 0) {
            return new PolicyVerdict(
                    Outcome.DENY,
                    null,
                    HASH,
                    "invalid arguments: 'amount' must be a positive number",
                    List.of(),
                    digest,
                    true);
        }
        double value = amount.doubleValue();
        if (value > 100_000) {
            return new PolicyVerdict(
                    Outcome.DENY, "too-large", HASH, "refunds above 100000 are never made", List.of(), digest, false);
        }
        if (value <= 10) {
            return new PolicyVerdict(Outcome.AUTO, "small-refunds", HASH, "", List.of(), digest, false);
        }
        if (value <= 1000) {
            return new PolicyVerdict(
                    Outcome.APPROVE,
                    "medium-refunds",
                    HASH,
                    "",
                    List.of(new ApprovalTier("leads", List.of("support-leads"), 1, null)),
                    digest,
                    false);
        }
        if (value > 10_000) {
            return tiered(value, digest);
        }
        return new PolicyVerdict(
                Outcome.APPROVE,
                "large-refunds",
                HASH,
                "",
                List.of(new ApprovalTier("finance", List.of("finance"), 2, null)),
                digest,
                false);
    }

    private static final ApprovalTier FINANCE_4H =
            new ApprovalTier("finance", List.of("finance"), 2, Duration.ofHours(4));
    private static final ApprovalTier MANAGERS_8H =
            new ApprovalTier("finance-managers", List.of("finance-managers"), 1, Duration.ofHours(8));

    /**
     * Escalating refunds: 10k-20k finance (PT4H) then managers (PT8H), then reject; 20k-30k the
     * same but the task is cancelled; 30k-40k one finance approval within PT1H or it runs anyway;
     * 40k-50k like the first but finance approvals carry over to the managers' tier.
     */
    private static PolicyVerdict tiered(double value, String digest) {
        if (value <= 20_000) {
            return approve("escalating", List.of(FINANCE_4H, MANAGERS_8H), TimeoutOutcome.REJECT, digest);
        }
        if (value <= 30_000) {
            return approve("escalating-cancel", List.of(FINANCE_4H, MANAGERS_8H), TimeoutOutcome.CANCEL, digest);
        }
        if (value <= 40_000) {
            return approve(
                    "approve-on-timeout",
                    List.of(new ApprovalTier("finance", List.of("finance"), 1, Duration.ofHours(1))),
                    TimeoutOutcome.APPROVE,
                    digest);
        }
        return approve(
                "carry-over",
                List.of(
                        new ApprovalTier("finance", List.of("finance"), 3, Duration.ofHours(4)),
                        new ApprovalTier(
                                "finance-managers",
                                List.of("finance", "finance-managers"),
                                2,
                                Duration.ofHours(8),
                                true)),
                TimeoutOutcome.REJECT,
                digest);
    }

    private static PolicyVerdict approve(
            String rule, List<ApprovalTier> tiers, TimeoutOutcome onTimeout, String digest) {
        return new PolicyVerdict(
                Outcome.APPROVE, rule, HASH, "", tiers, digest, false, onTimeout, null, null, null, false);
    }

    static String digest(String tool, Map<String, Object> args) {
        try {
            byte[] bytes = (tool + new TreeMap<>(args)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
