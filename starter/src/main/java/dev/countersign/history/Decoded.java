package dev.countersign.history;

import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A payload decoded as plain JSON (maps, lists, strings, numbers, booleans) and read leniently: a
 * missing or mistyped field reads as null. Histories of older and newer workflow versions carry
 * records with fewer or more fields than today's, so the timeline never binds them to the records.
 */
record Decoded(Map<String, Object> fields) {

    static final Decoded EMPTY = new Decoded(Map.of());

    /** The first payload, or {@link #EMPTY} when there is none or it is not a JSON object. */
    static Decoded first(DataConverter converter, Payloads payloads) {
        if (payloads == null || payloads.getPayloadsCount() == 0) {
            return EMPTY;
        }
        return of(converter.fromPayloads(0, Optional.of(payloads), Object.class, Object.class));
    }

    static Decoded of(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return EMPTY;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((key, field) -> fields.put(String.valueOf(key), field));
        return new Decoded(fields);
    }

    Object raw(String name) {
        return fields.get(name);
    }

    String text(String name) {
        Object value = fields.get(name);
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? String.valueOf(value)
                : null;
    }

    Decoded object(String name) {
        return of(fields.get(name));
    }

    /** The field as a JSON object, or null when it is absent or not an object. */
    Map<String, Object> map(String name) {
        Object value = fields.get(name);
        return value instanceof Map<?, ?> ? of(value).fields() : null;
    }

    List<?> list(String name) {
        return fields.get(name) instanceof List<?> list ? list : List.of();
    }

    Integer integer(String name) {
        return fields.get(name) instanceof Number number ? number.intValue() : null;
    }

    boolean flag(String name) {
        return Boolean.TRUE.equals(fields.get(name));
    }
}
