package dev.countersign.activities.policy.yaml;

import static dev.countersign.activities.policy.TestTools.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.policy.Policy;
import dev.countersign.activities.policy.PolicyException;
import dev.countersign.activities.policy.TestTools;
import dev.countersign.activities.policy.check.PolicyCheck;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlaceholderDefaultsTest {

    private static final String POLICY = """
            version: 1
            rules:
              - name: refunds
                tool: issue_refund
                outcome: approve
                tiers:
                  - groups: [finance]
                    sla: ${countersign.demo.finance-sla:PT4H}
            """;

    @Test
    void placeholderBecomesItsDefault() {
        assertThat(PolicyCheck.placeholderDefaults("sla: ${countersign.demo.finance-sla:PT4H}"))
                .isEqualTo("sla: PT4H");
    }

    @Test
    void nestedPlaceholderTakesTheInnermostDefault() {
        assertThat(PolicyCheck.placeholderDefaults("sla: ${a:${b:P2D}} and ${c:x:y}"))
                .isEqualTo("sla: P2D and x:y");
    }

    @Test
    void placeholderWithoutDefaultStaysAsItIs() {
        assertThat(PolicyCheck.placeholderDefaults("sla: ${countersign.sla} $HOME {x}"))
                .isEqualTo("sla: ${countersign.sla} $HOME {x}");
    }

    @Test
    void loaderWithATextPreprocessorReadsTheResolvedText() {
        Policy policy = new PolicyLoader(TestTools.REGISTRY.names())
                .withTextPreprocessor(PolicyCheck::placeholderDefaults)
                .load("test.yaml", POLICY.getBytes(StandardCharsets.UTF_8));

        assertThat(policy.evaluate(refund(5)).tiers().get(0).sla()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void hashCoversTheResolvedTextSoDifferentSettingsGiveDifferentHashes() {
        byte[] content = POLICY.getBytes(StandardCharsets.UTF_8);
        PolicyLoader loader = new PolicyLoader();

        Policy fourHours =
                loader.withTextPreprocessor(PolicyCheck::placeholderDefaults).load("test.yaml", content);
        Policy oneHour = loader.withTextPreprocessor(
                        text -> text.replace("${countersign.demo.finance-sla:PT4H}", "PT1H"))
                .load("test.yaml", content);

        assertThat(fourHours.hash())
                .isEqualTo(PolicyLoader.sha256(POLICY.replace("${countersign.demo.finance-sla:PT4H}", "PT4H")
                        .getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(oneHour.hash());
    }

    @Test
    void preprocessorThatFailsFailsTheLoadNamingTheSource() {
        PolicyLoader loader = new PolicyLoader().withTextPreprocessor(text -> {
            throw new IllegalArgumentException("Could not resolve placeholder 'countersign.sla'");
        });

        assertThatThrownBy(() -> loader.load("test.yaml", POLICY.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PolicyException.class)
                .hasMessage("invalid policy test.yaml: cannot pre-process the policy text:"
                        + " Could not resolve placeholder 'countersign.sla'");
    }
}
