package dev.countersign.service.demo;

import java.math.BigDecimal;
import java.util.Optional;

/** Amounts as the demo reads, writes and shows them. */
final class Money {

    private Money() {}

    /**
     * Reads an amount from a JSON value: any Number (a BigDecimal sent as a number comes back from
     * Temporal's payload converter as an Integer or a Double) or a numeric string.
     */
    static Optional<BigDecimal> read(Object value) {
        if (!(value instanceof Number) && !(value instanceof String)) {
            return Optional.empty();
        }
        try {
            return Optional.of(normalize(new BigDecimal(value.toString().trim())));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** The same amount without trailing zeros and never in exponent form: 200.00 becomes 200. */
    static BigDecimal normalize(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** For people: {@code 200 USD}, {@code 120.50 USD}. */
    static String format(BigDecimal amount, String currency) {
        BigDecimal normalized = normalize(amount);
        BigDecimal shown = normalized.scale() == 0 ? normalized : normalized.setScale(Math.max(2, normalized.scale()));
        return shown.toPlainString() + (currency == null || currency.isBlank() ? "" : " " + currency);
    }
}
