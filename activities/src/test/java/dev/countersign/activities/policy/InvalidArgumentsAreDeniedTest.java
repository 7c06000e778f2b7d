package dev.countersign.activities.policy;

import static dev.countersign.activities.policy.TestTools.call;
import static dev.countersign.activities.policy.TestTools.refund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.payload.PayloadBounds;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidArgumentsAreDeniedTest {

    private final PolicyActivitiesImpl activities = TestTools.activities(TestTools.demoPolicy());

    @Test
    void unknownToolIsDeniedAsInvalidArguments() {
        PolicyVerdict verdict = activities.evaluatePolicy(call("wire_money", Map.of("amount", 5)));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.argumentsInvalid()).isTrue();
        assertThat(verdict.rule()).isNull();
        assertThat(verdict.reason()).isEqualTo("invalid arguments: there is no tool named 'wire_money'");
    }

    @Test
    void amountThatIsNotANumberIsDenied() {
        PolicyVerdict verdict = activities.evaluatePolicy(refund("abc"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.argumentsInvalid()).isTrue();
        assertThat(verdict.reason()).isEqualTo("invalid arguments: 'amount' must be a number");
        assertThat(verdict.tiers()).isEmpty();
    }

    @Test
    void missingOrderIdIsDenied() {
        PolicyVerdict verdict = activities.evaluatePolicy(call("issue_refund", Map.of("amount", 5, "currency", "EUR")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.argumentsInvalid()).isTrue();
        assertThat(verdict.reason()).isEqualTo("invalid arguments: 'orderId' is required");
    }

    @Test
    void everyViolationIsNamedInTheReason() {
        PolicyVerdict verdict =
                activities.evaluatePolicy(call("issue_refund", Map.of("amount", 0, "currency", "eur", "note", "hi")));

        assertThat(verdict.reason())
                .startsWith("invalid arguments: ")
                .contains("'orderId' is required")
                .contains("'amount' must be at least 0.01")
                .contains("'currency' must match [A-Z]{3}")
                .contains("'note' is not an argument of this tool");
    }

    @Test
    void invalidArgumentsNeverReachARuleThatWouldRunThem() {
        PolicyActivitiesImpl allowAll = TestTools.activities(TestTools.policy("""
                version: 1
                rules:
                  - name: everything
                    tool: "*"
                    outcome: auto
                """));

        PolicyVerdict verdict = allowAll.evaluatePolicy(refund(-3));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.argumentsInvalid()).isTrue();
        assertThat(verdict.rule()).isNull();
    }

    @Test
    void argumentsTruncatedForTheirSizeAreDeniedWhateverTheSchema() {
        Map<String, Object> standIn = PayloadBounds.json(Map.of("orderId", "A-" + "1".repeat(10_000)), 1024);

        PolicyVerdict verdict = activities.evaluatePolicy(call("lookup_order", standIn));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.argumentsInvalid()).isTrue();
        assertThat(verdict.reason())
                .isEqualTo("invalid arguments: the arguments were truncated (10016 bytes); a call runs only with"
                        + " arguments seen whole");
    }
}
