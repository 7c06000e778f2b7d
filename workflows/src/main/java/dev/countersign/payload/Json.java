package dev.countersign.payload;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON-shaped values as compact JSON, the one writer behind payload measures and previews,
 * fingerprints and the arguments digest; a value of another type is written as its string.
 * Deterministic, so workflow code may use it.
 */
public final class Json {

    /** How maps and numbers are written; text, lists, booleans and null are written the same in each. */
    private enum Form {
        /** Map keys in the map's order, numbers as Java prints them: what a payload measures. */
        AS_IS,
        /** Map keys sorted, numbers as Java prints them: equal maps write the same. */
        SORTED,
        /** Map keys sorted, numbers in their shortest plain form: 250, 250.0 and 2.5E2 write the same. */
        CANONICAL
    }

    private Json() {}

    static int bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8).length;
    }

    static String write(Object value) {
        return write(value, Form.AS_IS);
    }

    static String sorted(Object value) {
        return write(value, Form.SORTED);
    }

    /**
     * The canonical JSON of {@code value}: object keys sorted, no white space, numbers in their
     * shortest plain form. The arguments digest is taken over it.
     */
    public static String canonical(Object value) {
        return write(value, Form.CANONICAL);
    }

    private static String write(Object value, Form form) {
        StringBuilder out = new StringBuilder();
        write(value, form, out);
        return out.toString();
    }

    private static void write(Object value, Form form, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            writeObject(form == Form.AS_IS ? map : sortedByKey(map), form, out);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), form, out);
            }
            out.append(']');
        } else if (value instanceof Number number && form == Form.CANONICAL) {
            out.append(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            JsonStrings.quote(String.valueOf(value), out);
        }
    }

    private static void writeObject(Map<?, ?> map, Form form, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            JsonStrings.quote(String.valueOf(entry.getKey()), out);
            out.append(':');
            write(entry.getValue(), form, out);
        }
        out.append('}');
    }

    private static Map<String, Object> sortedByKey(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, inner) -> sorted.put(String.valueOf(key), inner));
        return sorted;
    }
}
