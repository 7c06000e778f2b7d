package dev.countersign.activities.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConcurrentEvaluationTest {

    @Test
    void onePolicyServesManyThreadsAtOnce() {
        PolicyActivitiesImpl activities = TestTools.activities(TestTools.demoPolicy());

        List<String> rules = IntStream.range(0, 2_000)
                .parallel()
                .mapToObj(i -> activities
                                .evaluatePolicy(TestTools.refund(i % 2 == 0 ? 5 : 5000))
                                .rule()
                        + i % 2)
                .distinct()
                .sorted()
                .toList();

        assertThat(rules).containsExactly("large-refunds1", "small-refunds0");
    }
}
