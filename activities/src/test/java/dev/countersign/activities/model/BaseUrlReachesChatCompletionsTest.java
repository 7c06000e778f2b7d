package dev.countersign.activities.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OPENAI_BASE_URL with or without /v1 (and a trailing slash) reaches /v1/chat/completions, never /v1/v1. */
class BaseUrlReachesChatCompletionsTest {

    @RegisterExtension
    final OpenAiStub server = new OpenAiStub();

    private final TestAgents agents = new TestAgents();

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/v1", "/v1/"})
    void theRequestGoesToV1ChatCompletions(String path) {
        server.reply(ChatCompletionsJson.text("done"));

        agents.agent(server.root() + path).nextStep(TestAgents.request());

        assertThat(server.received()).extracting(OpenAiStub.Received::path).containsExactly("/v1/chat/completions");
    }

    @Test
    void aUrlWithoutAPathGetsV1() {
        assertThat(OpenAiEndpoint.normalisedBaseUrl("http://127.0.0.1:11434")).isEqualTo("http://127.0.0.1:11434/v1");
        assertThat(OpenAiEndpoint.normalisedBaseUrl("http://127.0.0.1:11434/")).isEqualTo("http://127.0.0.1:11434/v1");
    }

    @Test
    void aUrlWithAPathIsKeptWithoutItsTrailingSlash() {
        assertThat(OpenAiEndpoint.normalisedBaseUrl("http://127.0.0.1:11434/v1/"))
                .isEqualTo("http://127.0.0.1:11434/v1");
        assertThat(OpenAiEndpoint.normalisedBaseUrl("https://example.openai.azure.com/openai/v1"))
                .isEqualTo("https://example.openai.azure.com/openai/v1");
        assertThat(OpenAiEndpoint.normalisedBaseUrl("https://proxy.example.com/llm/v1"))
                .isEqualTo("https://proxy.example.com/llm/v1");
    }

    @Test
    void somethingThatIsNotAnHttpUrlIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> OpenAiEndpoint.normalisedBaseUrl("127.0.0.1:11434"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OPENAI_BASE_URL");
    }
}
