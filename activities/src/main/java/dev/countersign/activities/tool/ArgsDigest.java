package dev.countersign.activities.tool;

import dev.countersign.payload.Digests;
import dev.countersign.payload.JsonStrings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of the canonical JSON of a tool call ({@code {"args":{...},"tool":"..."}}): object
 * keys sorted, no white space, numbers in their shortest plain form (250, 250.0 and 2.5E2 are the
 * same number). A decision carrying this digest is bound to exactly these arguments.
 */
public final class ArgsDigest {

    private ArgsDigest() {}

    public static String of(String tool, Map<String, ?> args) {
        return Digests.sha256Hex(canonicalJson(Map.of("tool", tool, "args", args)));
    }

    public static String canonicalJson(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, inner) -> sorted.put(String.valueOf(key), inner));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                JsonStrings.quote(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Number number) {
            out.append(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
        } else if (value instanceof Boolean bool) {
            out.append(bool);
        } else {
            JsonStrings.quote(value.toString(), out);
        }
    }
}
