package dev.countersign.activities.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.model.ChatCompletionsJson.Call;
import dev.countersign.activities.policy.PolicyActivitiesImpl;
import dev.countersign.activities.policy.PolicySource;
import dev.countersign.activities.policy.yaml.PolicyLoader;
import dev.countersign.activities.tool.UnreadableArguments;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A malformed call from the model neither crashes the task nor runs: it becomes a proposed call
 * that the real policy activity denies with a reason the model is then told.
 */
class MalformedToolCallsAreDeniedNotRunTest {

    private static final String ALLOW_ALL = """
            version: 1
            default: auto
            rules:
              - name: lookups
                tool: lookup_order
                outcome: auto
            """;

    @RegisterExtension
    final OpenAiStub server = new OpenAiStub();

    private final TestAgents agents = new TestAgents();
    private final PolicyActivitiesImpl policy = new PolicyActivitiesImpl(
            PolicySource.of(new PolicyLoader(agents.registry.names())
                    .load("allow-all.yaml", ALLOW_ALL.getBytes(StandardCharsets.UTF_8))),
            agents.registry);

    @Test
    void argumentsThatAreNotJsonAreDeniedWithTheRawTextNamed() {
        ToolCall call = onlyCall(new Call("call_1", "lookup_order", "{orderId: A-7"));

        assertThat(call.args()).isEqualTo(Map.of(UnreadableArguments.KEY, "{orderId: A-7"));
        PolicyVerdict verdict = policy.evaluatePolicy(request(call));
        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.argumentsInvalid()).isTrue();
        assertThat(verdict.reason())
                .isEqualTo("invalid arguments: the arguments were not a JSON object (they were: {orderId: A-7);"
                        + " send them as a JSON object whose keys are the tool's arguments");
        assertThat(agents.toolRuns()).isEmpty();
    }

    @Test
    void argumentsThatAreJsonButNotAnObjectAreDenied() {
        ToolCall call = onlyCall(new Call("call_1", "lookup_order", "[\"A-7\"]"));

        assertThat(policy.evaluatePolicy(request(call)).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void anUnknownToolPassesThroughAndIsDenied() {
        ToolCall call = onlyCall(new Call("call_1", "wire_money", "{\"amount\":5}"));

        assertThat(call.tool()).isEqualTo("wire_money");
        PolicyVerdict verdict = policy.evaluatePolicy(request(call));
        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.reason()).isEqualTo("invalid arguments: there is no tool named 'wire_money'");
    }

    @Test
    void emptyArgumentsAreAnEmptyObject() {
        ToolCall call = onlyCall(new Call("call_1", "lookup_order", ""));

        assertThat(call.args()).isEmpty();
        assertThat(policy.evaluatePolicy(request(call)).reason()).contains("'orderId' is required");
    }

    @Test
    void aWellFormedCallBesideAMalformedOneIsKept() {
        server.reply(ChatCompletionsJson.toolCalls(
                null,
                new Call("call_1", "lookup_order", "{\"orderId\":\"A-7\"}"),
                new Call("call_2", "issue_refund", "not json")));

        AgentStep step = agents.agent(server).nextStep(TestAgents.request());

        assertThat(step.toolCalls()).hasSize(2);
        assertThat(policy.evaluatePolicy(request(step.toolCalls().get(0))).outcome())
                .isEqualTo(Outcome.AUTO);
        assertThat(policy.evaluatePolicy(request(step.toolCalls().get(1))).outcome())
                .isEqualTo(Outcome.DENY);
    }

    private ToolCall onlyCall(Call call) {
        server.reply(ChatCompletionsJson.toolCalls(null, call));
        AgentStep step = agents.agent(server).nextStep(TestAgents.request());
        assertThat(step.toolCalls()).hasSize(1);
        return step.toolCall();
    }

    private static PolicyRequest request(ToolCall call) {
        return new PolicyRequest("task-1", "support", "alice", Map.of(), call);
    }
}
