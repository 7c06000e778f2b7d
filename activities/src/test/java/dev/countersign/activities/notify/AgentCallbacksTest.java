package dev.countersign.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentCallbacksTest {

    @Test
    void aHostEntryAllowsEveryPortOfThatHostAndAHostPortEntryOnlyThatPort() {
        AgentCallbacks callbacks = new AgentCallbacks(List.of("Agent.Example.com", "hooks.example.com:8443"), "k");

        assertThat(callbacks.allows(URI.create("https://agent.example.com/cb"))).isTrue();
        assertThat(callbacks.allows(URI.create("http://agent.example.com:9000/cb")))
                .isTrue();
        assertThat(callbacks.allows(URI.create("https://hooks.example.com:8443/cb")))
                .isTrue();
        assertThat(callbacks.allows(URI.create("https://hooks.example.com/cb"))).isFalse();
        assertThat(callbacks.allows(URI.create("https://agent.example.com.evil.test/cb")))
                .isFalse();
        assertThat(callbacks.allows(URI.create("http://169.254.169.254/latest/meta-data")))
                .isFalse();
    }

    @Test
    void theDefaultPortOfTheSchemeMatchesAHostPortEntry() {
        AgentCallbacks callbacks = new AgentCallbacks(List.of("agent.example.com:443"), "k");

        assertThat(callbacks.allows(URI.create("https://agent.example.com/cb"))).isTrue();
        assertThat(callbacks.allows(URI.create("http://agent.example.com/cb"))).isFalse();
    }

    @Test
    void onlyAbsoluteHttpUrlsWithoutUserInfoAreAllowed() {
        AgentCallbacks callbacks = new AgentCallbacks(List.of("agent.example.com"), "k");

        assertThat(callbacks.allows(URI.create("ftp://agent.example.com/cb"))).isFalse();
        assertThat(callbacks.allows(URI.create("/cb"))).isFalse();
        assertThat(callbacks.allows(URI.create("https://user:pw@agent.example.com/cb")))
                .isFalse();
    }

    @Test
    void noHostsAllowNothing() {
        assertThat(AgentCallbacks.NONE.allows(URI.create("http://127.0.0.1/cb")))
                .isFalse();
    }

    @Test
    void hostsNeedASecretAndEntriesAreHostsOnly() {
        assertThatThrownBy(() -> new AgentCallbacks(List.of("agent.example.com"), " "))
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> new AgentCallbacks(List.of("https://agent.example.com"), "k"))
                .hasMessageContaining("without scheme or path");
        assertThatThrownBy(() -> new AgentCallbacks(List.of("agent.example.com/cb"), "k"))
                .hasMessageContaining("without scheme or path");
    }

    @Test
    void theSecretIsNeverShown() {
        assertThat(new AgentCallbacks(List.of("agent.example.com"), "s3cr3t").toString())
                .doesNotContain("s3cr3t");
    }
}
