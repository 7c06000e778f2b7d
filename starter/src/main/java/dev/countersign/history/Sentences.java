package dev.countersign.history;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The small pieces the timeline's one-sentence summaries are made of. */
final class Sentences {

    private static final int MAX_VALUE = 40;
    private static final int MAX_TEXT = 200;
    private static final int MAX_FIELDS = 6;

    private Sentences() {}

    /** The tool's name, or "the tool call" when the history does not say. */
    static String call(String tool) {
        return tool == null ? "the tool call" : tool;
    }

    /** {@code orderId=A-1, amount=250}: at most six fields, each value cut short; "" for none. */
    static String fields(Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        String shown = values.entrySet().stream()
                .limit(MAX_FIELDS)
                .map(entry -> entry.getKey() + "=" + shortened(value(entry.getValue()), MAX_VALUE))
                .collect(Collectors.joining(", "));
        return values.size() > MAX_FIELDS ? shown + ", …" : shown;
    }

    /** Ends the text as a sentence, cut short when it is long. */
    static String sentence(String text) {
        String shown = shortened(text == null ? "" : text.strip(), MAX_TEXT);
        return shown.endsWith(".") || shown.endsWith("!") || shown.endsWith("?") || shown.endsWith("…")
                ? shown
                : shown + ".";
    }

    /** ": text." or "." when there is no text. */
    static String colonSentence(String text) {
        return text == null || text.isBlank() ? "." : ": " + sentence(text);
    }

    /** "1 approval", "2 approvals"; "approvals" when the history does not say how many. */
    static String count(Integer n, String noun) {
        if (n == null) {
            return noun + "s";
        }
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String either(List<?> groups) {
        return groups.stream().map(String::valueOf).collect(Collectors.joining(" or "));
    }

    private static String value(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue())
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(value).replaceAll("\\s+", " ");
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
