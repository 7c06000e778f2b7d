package dev.countersign.service.limits;

/**
 * A field of a request is longer than its limit. The message names the field, how long it was,
 * the limit and the property that sets it, so a caller knows what to shorten.
 */
public class FieldTooLong extends RuntimeException {

    private final String field;

    FieldTooLong(String field, long actual, long limit, String unit, String property) {
        super(field + " is too long: " + actual + " " + unit + ", the limit is " + limit + " ("
                + LimitsProperties.PREFIX + property + ")");
        this.field = field;
    }

    /** The field as the request names it, such as {@code goal} or {@code input.customer}. */
    public String field() {
        return field;
    }
}
