package dev.countersign.activities.policy.cel;

import static dev.countersign.activities.policy.TestTools.refund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.policy.PolicyActivitiesImpl;
import dev.countersign.activities.policy.TestTools;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NumericConditionsTest {

    private final PolicyActivitiesImpl activities = TestTools.activities(TestTools.demoPolicy());

    static Stream<Arguments> amounts() {
        return Stream.of(
                Arguments.of(5, "small-refunds"),
                Arguments.of(5L, "small-refunds"),
                Arguments.of(5.0, "small-refunds"),
                Arguments.of(5.0f, "small-refunds"),
                Arguments.of(new BigDecimal("5.00"), "small-refunds"),
                Arguments.of(BigInteger.valueOf(5), "small-refunds"),
                Arguments.of(10, "small-refunds"),
                Arguments.of(10.0, "small-refunds"),
                Arguments.of(new BigDecimal("10.000"), "small-refunds"),
                Arguments.of(10.01, "medium-refunds"),
                Arguments.of(new BigDecimal("10.01"), "medium-refunds"),
                Arguments.of(250.5, "medium-refunds"),
                Arguments.of(1000L, "medium-refunds"),
                Arguments.of(1000.5, "large-refunds"),
                Arguments.of(new BigDecimal("123456789012345678901234567890"), "large-refunds"));
    }

    @ParameterizedTest(name = "amount {0} -> {1}")
    @MethodSource("amounts")
    void amountComparesByValueWhateverItsJavaType(Object amount, String expectedRule) {
        assertThat(activities.evaluatePolicy(refund(amount)).rule()).isEqualTo(expectedRule);
    }
}
