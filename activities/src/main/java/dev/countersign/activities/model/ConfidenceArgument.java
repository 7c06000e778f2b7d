package dev.countersign.activities.model;

import dev.countersign.agent.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an agent that asks for confidence gets it: each tool it is offered takes one more argument,
 * {@value #NAME}, a number from 0 to 1 that the model must give; the adapter takes it out of the
 * call's arguments (so it is never part of what is approved, digested or run) and makes it the
 * call's confidence, which the policy reads as {@code confidence} and reviewers see.
 */
final class ConfidenceArgument {

    static final String NAME = "_confidence";

    private static final Map<String, Object> PROPERTY = Map.of(
            "type",
            "number",
            "minimum",
            0,
            "maximum",
            1,
            "description",
            "How sure you are, from 0 to 1, that this call is right and needed now;"
                    + " reviewers and the approval policy read it");

    private ConfidenceArgument() {}

    /**
     * The tool's schema with the confidence argument added and required, or null when it cannot
     * take one (it is not an object schema with properties, or it has an argument of that name).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> offered(Map<String, Object> schema) {
        if (!(schema.get("properties") instanceof Map<?, ?> properties) || properties.containsKey(NAME)) {
            return null;
        }
        Map<String, Object> withConfidence = new LinkedHashMap<>(schema);
        Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) properties);
        props.put(NAME, PROPERTY);
        withConfidence.put("properties", props);
        List<Object> required =
                schema.get("required") instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        required.add(NAME);
        withConfidence.put("required", required);
        return withConfidence;
    }

    /**
     * The call with its confidence taken out of its arguments: a number from 0 to 1 becomes the
     * call's confidence; anything else is dropped, and the call has none (the policy then reads its
     * unknown-confidence value).
     */
    static ToolCall taken(ToolCall call) {
        if (!call.args().containsKey(NAME)) {
            return call;
        }
        Map<String, Object> args = new LinkedHashMap<>(call.args());
        Object given = args.remove(NAME);
        Double confidence = given instanceof Number number
                        && Double.isFinite(number.doubleValue())
                        && number.doubleValue() >= 0.0
                        && number.doubleValue() <= 1.0
                ? number.doubleValue()
                : null;
        return new ToolCall(call.tool(), args, call.rationale(), confidence, call.tags(), call.id());
    }
}
