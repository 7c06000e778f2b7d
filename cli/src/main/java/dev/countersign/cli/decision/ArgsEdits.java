package dev.countersign.cli.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.output.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code --set} edits of {@code countersign edit}, applied to a copy of the pending arguments.
 * {@code key=value} types the value as JSON would: numbers stay numbers, {@code true} and
 * {@code false} are booleans, anything else is a string. {@code key:=json} takes raw JSON (an object,
 * an array, null, or a quoted string that looks like a number). Dots in a key reach into nested objects.
 */
final class ArgsEdits {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final List<Edit> edits;

    private ArgsEdits(List<Edit> edits) {
        this.edits = edits;
    }

    static ArgsEdits parse(List<String> assignments) {
        List<Edit> edits = new ArrayList<>();
        for (String assignment : assignments) {
            edits.add(Edit.parse(assignment));
        }
        return new ArgsEdits(edits);
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    /** A copy of {@code args} with every edit applied, in order. */
    ObjectNode applyTo(ObjectNode args) {
        ObjectNode edited = args.deepCopy();
        for (Edit edit : edits) {
            edit.applyTo(edited);
        }
        return edited;
    }

    /** The top-level keys that the edits name but {@code args} does not have: likely typos. */
    List<String> unknownKeys(ObjectNode args) {
        return edits.stream()
                .map(edit -> edit.path().get(0))
                .filter(key -> !args.has(key))
                .distinct()
                .toList();
    }

    static JsonNode typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(value));
        }
        if (JSON_NUMBER.matcher(value).matches()) {
            BigDecimal number = new BigDecimal(value);
            boolean integral = !value.contains(".") && !value.contains("e") && !value.contains("E");
            return integral ? NODES.numberNode(number.toBigIntegerExact()) : NODES.numberNode(number);
        }
        return NODES.textNode(value);
    }

    private record Edit(List<String> path, JsonNode value) {

        static Edit parse(String assignment) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw usage("--set needs key=value, got '" + assignment + "'");
            }
            boolean raw = assignment.charAt(equals - 1) == ':';
            String key = assignment.substring(0, raw ? equals - 1 : equals);
            String value = assignment.substring(equals + 1);
            List<String> path = List.of(key.split("\\.", -1));
            if (key.isEmpty() || path.stream().anyMatch(String::isEmpty)) {
                throw usage("--set has an empty key in '" + assignment + "'");
            }
            return new Edit(path, raw ? rawJson(key, value) : typed(value));
        }

        void applyTo(ObjectNode args) {
            ObjectNode target = args;
            for (String step : path.subList(0, path.size() - 1)) {
                JsonNode next = target.get(step);
                if (next == null || next.isNull()) {
                    next = target.putObject(step);
                } else if (!next.isObject()) {
                    throw usage("cannot set " + String.join(".", path) + ": '" + step + "' is not an object");
                }
                target = (ObjectNode) next;
            }
            target.set(path.get(path.size() - 1), value);
        }

        private static JsonNode rawJson(String key, String value) {
            try {
                JsonNode json = Json.MAPPER.readTree(value);
                if (json == null || json.isMissingNode()) {
                    throw usage("--set " + key + ":= needs JSON after ':=', got nothing");
                }
                return json;
            } catch (JsonProcessingException e) {
                throw usage("--set " + key + ":= needs JSON, got '" + value + "'");
            }
        }
    }

    private static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message, "see `countersign edit --help`");
    }
}
