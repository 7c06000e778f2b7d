package dev.countersign.payload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;

/**
 * Size bounds for what a task keeps and sends, well under Temporal's payload limits (2 MB a
 * payload and 4 MB a gRPC message on a default server): one oversized payload would fail its
 * workflow task forever. A value over its bound is cut visibly, never silently: text ends with
 * {@code … [truncated: N bytes]} (N the original size in UTF-8 bytes), and a JSON object becomes
 * {@code {"truncated": true, "originalBytes": N, "preview": "..."}}. Sizes are those of the value
 * written as compact JSON in UTF-8. Everything here is deterministic, so workflow code uses it too.
 */
public final class PayloadBounds {

    /**
     * The workflow's own bound on one value it keeps in its state or sends to an activity: a tool
     * result, a model reply's text or arguments, guidance, a person's answer or comment. It cannot
     * read configuration, so this is a constant; {@code countersign.limits.max-payload} (at most
     * this) cuts earlier, in the activities and the client facade.
     */
    public static final int MAX_VALUE_BYTES = 256 * 1024;

    /**
     * The workflow's bound on a payload it composes from many values: the model's request (goal,
     * input and transcript) and the task view (the {@code view} query's answer and the workflow's
     * result). Older entries' bulky fields are elided to stay under it.
     */
    public static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    /** The size an elided field is cut to, so its marker still shows how it began. */
    public static final int ELIDED_BYTES = 512;

    /** The key that marks a JSON object as a truncated stand-in for a larger one. */
    public static final String TRUNCATED = "truncated";

    private static final int PREVIEW_BYTES = 2048;

    private PayloadBounds() {}

    /** The text, or its beginning followed by {@code … [truncated: N bytes]} so that it fits in maxBytes. */
    public static String text(String text, int maxBytes) {
        if (text == null) {
            return null;
        }
        int size = utf8Length(text);
        if (size <= maxBytes) {
            return text;
        }
        String marker = "… [truncated: " + size + " bytes]";
        return prefix(text, Math.max(0, maxBytes - utf8Length(marker))) + marker;
    }

    /**
     * The JSON object, or when its JSON is larger than maxBytes a stand-in {@code {"truncated":
     * true, "originalBytes": N, "preview": "the first bytes of its JSON…"}}.
     */
    public static Map<String, Object> json(Map<String, Object> value, int maxBytes) {
        if (value == null) {
            return null;
        }
        String json = Json.write(value);
        int size = utf8Length(json);
        if (size <= maxBytes) {
            return value;
        }
        Map<String, Object> standIn = new LinkedHashMap<>();
        standIn.put(TRUNCATED, true);
        standIn.put("originalBytes", size);
        int previewBytes = Math.max(0, Math.min(PREVIEW_BYTES, maxBytes / 2 - 64));
        standIn.put("preview", prefix(json, previewBytes) + "…");
        return Collections.unmodifiableMap(standIn);
    }

    /** Each string cut with {@link #text}, and the list cut so that all of them fit in maxBytes. */
    public static List<String> texts(List<String> texts, int maxBytes) {
        if (texts == null || Json.bytes(texts) <= maxBytes) {
            return texts;
        }
        int each = Math.max(ELIDED_BYTES, maxBytes / Math.max(1, texts.size()) - 8);
        List<String> cut = texts.stream().map(text -> text(text, each)).toList();
        int keep = 0;
        long total = 2; // the brackets
        for (String text : cut) {
            long next = total + Json.bytes(text) + (keep > 0 ? 1 : 0);
            if (next > maxBytes) {
                break;
            }
            total = next;
            keep++;
        }
        return cut.subList(0, keep);
    }

    /** The size of a JSON-shaped value (maps, lists, strings, numbers, booleans, null) as compact JSON. */
    public static int jsonBytes(Object value) {
        return Json.bytes(value);
    }

    /** Whether this JSON object is a truncated stand-in written by {@link #json}. */
    public static boolean isTruncated(Map<String, ?> value) {
        return value != null && Boolean.TRUE.equals(value.get(TRUNCATED)) && value.containsKey("originalBytes");
    }

    public static int utf8Length(String text) {
        if (text == null) {
            return 0;
        }
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest beginning of the text that fits in maxBytes of UTF-8, never splitting a character. */
    static String prefix(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    /**
     * The items, oldest first, with the bulky fields of the oldest ones elided one by one until their
     * sizes add up to at most {@code budget}, or every item is elided; with the sum of their sizes.
     * Deterministic: the same items give the same answer.
     */
    public static <T> Fitted<T> elideOldest(
            List<T> items, ToLongFunction<T> size, UnaryOperator<T> elide, long budget) {
        List<T> kept = new ArrayList<>(items);
        long[] sizes = kept.stream().mapToLong(size).toArray();
        long total = LongStream.of(sizes).sum();
        for (int i = 0; i < kept.size() && total > budget; i++) {
            T elided = elide.apply(kept.get(i));
            total -= sizes[i] - size.applyAsLong(elided);
            kept.set(i, elided);
        }
        return new Fitted<>(kept, total);
    }

    /** Items after {@link #elideOldest}, and the sum of their sizes. */
    public record Fitted<T>(List<T> items, long total) {}
}
