package dev.countersign.payload;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON-shaped values as compact JSON, to measure and preview them the same way in workflow
 * and activity code, and in a canonical form for digests; a value of another type is written as its
 * string.
 */
public final class Json {

    private Json() {}

    static int bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8).length;
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, false, out);
        return out.toString();
    }

    /**
     * The canonical JSON of a value: object keys sorted, no white space, numbers in their shortest
     * plain form (250, 250.0 and 2.5E2 are the same number), so equal values give equal text.
     */
    public static String canonical(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, true, out);
        return out.toString();
    }

    private static void write(Object value, boolean canonical, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : (canonical ? sorted(map) : map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                JsonStrings.quote(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), canonical, out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), canonical, out);
            }
            out.append(']');
        } else if (value instanceof Number number && canonical) {
            out.append(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            JsonStrings.quote(String.valueOf(value), out);
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, inner) -> sorted.put(String.valueOf(key), inner));
        return sorted;
    }
}
