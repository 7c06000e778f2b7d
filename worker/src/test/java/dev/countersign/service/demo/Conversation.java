package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepKind;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A support task as the workflow would drive it: ask the agent, record what became of its call, ask again. */
final class Conversation {

    static final String GOAL = "Parcel arrived damaged";
    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

    private final SupportAgent agent = new SupportAgent();
    private final Map<String, Object> input;
    private final List<TranscriptEntry> transcript = new ArrayList<>();
    private int actions;

    private Conversation(Map<String, Object> input) {
        this.input = input;
    }

    /** Order A-1, 200 USD, for ana.silva@example.com. */
    static Conversation standard() {
        return with(standardInput());
    }

    static Map<String, Object> standardInput() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("orderId", "A-1");
        input.put("amount", 200);
        input.put("currency", "USD");
        input.put("customer", "ana.silva@example.com");
        return input;
    }

    static Conversation with(Map<String, Object> input) {
        return new Conversation(input);
    }

    AgentStep next() {
        return agent.nextStep(request());
    }

    AgentRequest request() {
        return new AgentRequest("task-1", SupportAgent.NAME, GOAL, input, transcript);
    }

    /** Asks for the next step, which must be a call to {@code tool}. */
    ToolCall nextCall(String tool) {
        AgentStep step = next();
        assertThat(step.kind()).as("step %s", step).isEqualTo(StepKind.TOOL_CALL);
        assertThat(step.toolCall().tool()).isEqualTo(tool);
        return step.toolCall();
    }

    Conversation ran(ToolCall call, Map<String, Object> result) {
        return record(TranscriptKind.TOOL_RESULT, call, result, null);
    }

    Conversation outcome(TranscriptKind kind, ToolCall call, String text) {
        return record(kind, call, null, text);
    }

    Conversation guidance(String text) {
        transcript.add(new TranscriptEntry(TranscriptKind.GUIDANCE, null, null, null, text, "rita", AT));
        return this;
    }

    /** Looks order A-1 up as the seeded shop would answer. */
    Conversation lookedUpA1() {
        return ran(nextCall(LookupOrderTool.NAME), orderA1());
    }

    static Map<String, Object> orderA1() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderId", "A-1");
        order.put("found", true);
        order.put("customer", "ana.silva@example.com");
        order.put("total", 250.0);
        order.put("currency", "USD");
        order.put("status", "DELIVERED");
        return order;
    }

    private Conversation record(TranscriptKind kind, ToolCall call, Map<String, Object> result, String text) {
        transcript.add(new TranscriptEntry(kind, "action-" + ++actions, call, result, text, "rita", AT));
        return this;
    }
}
