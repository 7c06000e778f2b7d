package dev.countersign.activities.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepKind;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;

/**
 * A provider's ChatModel (Anthropic's, Google's) drives an agent as the OpenAI endpoint does: its
 * failures are retried by Temporal, a too-long conversation is tried once shorter, and the model is
 * the provider's own unless the agent names one.
 */
class ProviderChatModelFailuresTest {

    private final TestAgents agents = new TestAgents();

    @Test
    void theProvidersModelAnswersWithoutAModelNamedAnywhere() {
        Provider provider = new Provider(new IllegalStateException("never"), 0);

        AgentStep step = agent(provider, null).nextStep(TestAgents.request());

        assertThat(step.kind()).isEqualTo(StepKind.FINISH);
        assertThat(provider.prompts.get(0).getOptions().getModel()).isNull();
    }

    @Test
    void anAgentsOwnModelIsAskedFor() {
        Provider provider = new Provider(new IllegalStateException("never"), 0);

        agent(provider, "claude-test").nextStep(TestAgents.request());

        assertThat(provider.prompts.get(0).getOptions().getModel()).isEqualTo("claude-test");
    }

    @Test
    void aFailingCallIsARetryableActivityFailureNamingTheProvider() {
        Provider provider = new Provider(new IllegalStateException("overloaded_error: try later"), 5);

        assertThatThrownBy(() -> agent(provider, "claude-test").nextStep(TestAgents.request()))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.isNonRetryable()).isFalse();
                    assertThat(failure.getType()).isEqualTo(ModelFailures.UNAVAILABLE);
                    assertThat(failure.getOriginalMessage())
                            .contains("Provider")
                            .contains("claude-test")
                            .contains("overloaded_error: try later");
                });
        assertThat(provider.prompts).hasSize(1);
    }

    @Test
    void aConversationTooLongIsTriedOnceMoreShorter() {
        Provider provider = new Provider(new IllegalStateException("prompt is too long: 250000 tokens > 200000"), 1);

        AgentStep step = agent(provider, "claude-test").nextStep(TestAgents.request());

        assertThat(step.kind()).isEqualTo(StepKind.FINISH);
        assertThat(provider.prompts).hasSize(2);
    }

    private LanguageModelAgent agent(Provider provider, String model) {
        SpringAiModel endpoint = new SpringAiModel(provider, null);
        AgentSetup plain = TestAgents.profile();
        return new LanguageModelAgent(
                new AgentSetup(plain.name(), plain.instructions(), model, plain.tools()),
                agents.registry,
                endpoint,
                provider,
                TestAgents.CLOCK);
    }

    /** Fails its first {@code failures} calls with {@code error}, then answers "done". */
    private static final class Provider implements ChatModel {

        final List<Prompt> prompts = new CopyOnWriteArrayList<>();
        private final RuntimeException error;
        private int failures;

        Provider(RuntimeException error, int failures) {
            this.error = error;
            this.failures = failures;
        }

        @Override
        public ChatResponse call(Prompt prompt) {
            prompts.add(prompt);
            if (failures-- > 0) {
                throw error;
            }
            return new ChatResponse(List.of(new Generation(new AssistantMessage("done"))));
        }

        @Override
        public ChatOptions getOptions() {
            return ToolCallingChatOptions.builder().build();
        }
    }
}
