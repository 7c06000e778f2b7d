package dev.countersign.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A question the agent asks a person, optionally with options to pick from; from a language model,
 * the id of its {@code ask_human} call, which the answer goes back under.
 */
public record Question(String text, List<String> options, String callId) {

    /** The tool a model-driven agent calls to ask a person; its answer is the call's result. */
    public static final String ASK_HUMAN = "ask_human";

    public Question {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a question needs text");
        }
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A question of a scripted agent, with no call to answer. */
    public Question(String text, List<String> options) {
        this(text, options, null);
    }

    /**
     * How the answer is told to a model: as the result of its {@code ask_human} call, or null for a
     * question that came without one.
     */
    public ToolCall asCall() {
        if (callId == null) {
            return null;
        }
        // In the order the model wrote them; Map.of would iterate in an order that differs between JVMs.
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("question", text);
        args.put("options", options);
        return new ToolCall(ASK_HUMAN, args, "", null, List.of(), callId);
    }
}
