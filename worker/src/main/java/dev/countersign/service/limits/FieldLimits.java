package dev.countersign.service.limits;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the texts of a request against {@link LimitsProperties} before anything reaches Temporal:
 * the API and the console call it for every goal, input, comment, reason, guidance, answer and
 * edited arguments they pass on, and refuse with {@link FieldTooLong}.
 */
public class FieldLimits {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LimitsProperties limits;

    public FieldLimits(LimitsProperties limits) {
        this.limits = limits;
    }

    public void goal(String goal) {
        length("goal", goal, limits.goalLength(), "goal-length");
    }

    /** A comment, reason, guidance or answer, named as the request names it. */
    public void text(String field, String value) {
        length(field, value, limits.textLength(), "text-length");
    }

    /** Each string in the task's input, at any depth, and the input as a whole. */
    public void input(Map<String, Object> input) {
        if (input == null) {
            return;
        }
        strings("input", input);
        size("input", input, limits.inputSize().toBytes(), "input-size");
    }

    /** The complete new arguments of an edit, as a whole. */
    public void args(Map<String, Object> args) {
        if (args != null) {
            size("args", args, limits.argsSize().toBytes(), "args-size");
        }
    }

    private void strings(String path, Object value) {
        if (value instanceof String text) {
            length(path, text, limits.inputStringLength(), "input-string-length");
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> {
                String name = String.valueOf(key);
                length(path + " key", name, limits.inputStringLength(), "input-string-length");
                strings(path + "." + shown(name), nested);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                strings(path + "[" + i + "]", list.get(i));
            }
        }
    }

    /** A key as it appears in a field's path: long keys are cut, so a message stays readable. */
    private static String shown(String key) {
        return key.length() <= 64 ? key : key.substring(0, 64) + "…";
    }

    private static void length(String field, String value, int limit, String property) {
        if (value != null && value.length() > limit) {
            throw new FieldTooLong(field, value.length(), limit, "characters", property);
        }
    }

    private static void size(String field, Object value, long limit, String property) {
        long bytes = JSON.writeValueAsBytes(value).length;
        if (bytes > limit) {
            throw new FieldTooLong(field, bytes, limit, "bytes as JSON", property);
        }
    }
}
