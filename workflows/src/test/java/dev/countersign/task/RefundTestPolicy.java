package dev.countersign.task;

import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyActivities;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The demo policy's thresholds, hard-wired for workflow tests: <=10 auto, <=1000 one lead, else two finance. */
class RefundTestPolicy implements PolicyActivities {

    static final String HASH = "test-policy";

    @Override
    public PolicyVerdict evaluatePolicy(PolicyRequest request) {
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
        return new PolicyVerdict(
                Outcome.APPROVE,
                "large-refunds",
                HASH,
                "",
                List.of(new ApprovalTier("finance", List.of("finance"), 2, null)),
                digest,
                false);
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
