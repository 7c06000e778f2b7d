package dev.countersign.activities.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.tool.ToolRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EndpointComesFromOpenAiVariablesTest {

    @RegisterExtension
    final OpenAiStub server = new OpenAiStub();

    @Test
    void withNeitherBaseUrlNorKeyThereIsNoEndpoint() {
        assertThat(OpenAiEndpoint.fromEnvironment(Map.of())).isEmpty();
        assertThat(OpenAiEndpoint.fromEnvironment(Map.of("COUNTERSIGN_MODEL", "llama3.2", "OPENAI_BASE_URL", " ")))
                .isEmpty();
    }

    @Test
    void aKeyAloneMeansOpenAi() {
        OpenAiEndpoint endpoint = OpenAiEndpoint.fromEnvironment(
                        Map.of("OPENAI_API_KEY", "sk-live", "COUNTERSIGN_MODEL", "gpt-4.1-mini"))
                .orElseThrow();

        assertThat(endpoint.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(endpoint.model()).isEqualTo("gpt-4.1-mini");
        assertThat(endpoint.hasKey()).isTrue();
    }

    @Test
    void aLocalServerWithoutAKeyIsSentAPlaceholder() {
        server.reply(ChatCompletionsJson.text("done"));
        OpenAiEndpoint endpoint = OpenAiEndpoint.fromEnvironment(
                        Map.of("OPENAI_BASE_URL", server.root(), "COUNTERSIGN_MODEL", "llama3.2"))
                .orElseThrow();

        new LanguageModelAgent(
                        new AgentSetup("support", "be brief", null, List.of()), new ToolRegistry(List.of()), endpoint)
                .nextStep(TestAgents.request());

        assertThat(endpoint.hasKey()).isFalse();
        assertThat(server.received().get(0).authorization()).isEqualTo("Bearer " + OpenAiEndpoint.NO_KEY);
        assertThat(server.lastRequest().path("model").asText()).isEqualTo("llama3.2");
        assertThat(server.lastRequest().has("tools")).isFalse();
    }

    @Test
    void theEndpointNeverPrintsItsKey() {
        OpenAiEndpoint endpoint = new OpenAiEndpoint(null, "sk-live-secret", "gpt-4.1-mini", null);

        assertThat(endpoint.toString()).doesNotContain("sk-live-secret").contains("key set");
    }

    @Test
    void anAgentsOwnModelWinsOverTheDefault() {
        server.reply(ChatCompletionsJson.text("done"));
        OpenAiEndpoint endpoint = new OpenAiEndpoint(server.baseUrl(), null, "llama3.2", null);
        AgentSetup profile = new AgentSetup("support", "be brief", "qwen3:8b", List.of());

        new LanguageModelAgent(profile, new ToolRegistry(List.of()), endpoint).nextStep(TestAgents.request());

        assertThat(server.lastRequest().path("model").asText()).isEqualTo("qwen3:8b");
    }

    @Test
    void severalAgentsShareTheEndpoint() {
        server.reply(ChatCompletionsJson.text("one")).reply(ChatCompletionsJson.text("two"));
        OpenAiEndpoint endpoint = new OpenAiEndpoint(server.baseUrl(), null, "llama3.2", null);

        List<LanguageModelAgent> agents = LanguageModelAgent.on(
                endpoint,
                List.of(
                        new AgentSetup("support", "be brief", null, List.of()),
                        new AgentSetup("billing", "be exact", "qwen3:8b", List.of())),
                new ToolRegistry(List.of()));

        assertThat(agents).extracting(LanguageModelAgent::agent).containsExactly("support", "billing");
        agents.forEach(agent -> agent.nextStep(TestAgents.request()));
        assertThat(server.received())
                .extracting(request -> request.body().path("model").asText())
                .containsExactly("llama3.2", "qwen3:8b");
    }

    @Test
    void anAgentWithoutAnyModelIsRefusedAtStart() {
        OpenAiEndpoint endpoint = new OpenAiEndpoint(server.baseUrl(), null, null, null);

        assertThatThrownBy(() -> new LanguageModelAgent(
                        new AgentSetup("support", "", null, List.of()), new ToolRegistry(List.of()), endpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agent 'support'")
                .hasMessageContaining("COUNTERSIGN_MODEL");
    }

    @Test
    void anAgentNamingAnUnregisteredToolIsRefusedAtStart() {
        OpenAiEndpoint endpoint = new OpenAiEndpoint(server.baseUrl(), null, "llama3.2", null);

        assertThatThrownBy(() -> new LanguageModelAgent(
                        new AgentSetup("support", "", null, List.of("wire_money")),
                        new ToolRegistry(List.of()),
                        endpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agent 'support'")
                .hasMessageContaining("wire_money");
    }
}
