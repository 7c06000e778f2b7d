package dev.countersign.demo;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the amount a person wrote in free text ("refund 120 instead", "please do $99.50", "120
 * EUR", "1,250.00"). Digits inside identifiers such as order {@code A-1} or words such as
 * {@code 2nd} are not amounts.
 */
final class AmountInText {

    private static final Pattern AMOUNT = Pattern.compile("(?<sign>[$€£¥]\\s?)?"
            + "(?<![\\p{L}\\p{N}_.,-])"
            + "(?<whole>\\d{1,3}(?:,\\d{3})+|\\d+)"
            + "(?<fraction>\\.\\d+|,\\d{1,2}(?!\\d))?"
            + "(?![\\p{N}\\p{Ll}])"
            + "(?<code>\\s?[A-Z]{3}\\b)?");
    private static final Pattern MONEY_WORDS =
            Pattern.compile("\\b(refund|amount|pay|credit)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private AmountInText() {}

    /** The first number in the text, whatever it stands for. */
    static Optional<BigDecimal> first(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = AMOUNT.matcher(text);
        return matcher.find() ? Optional.of(valueOf(matcher)) : Optional.empty();
    }

    /**
     * The first number in the text when the text is plainly about money: the number carries a
     * currency sign or code, or the text speaks of a refund or an amount. Guidance such as "check
     * the last 2 orders" is not an amount.
     */
    static Optional<BigDecimal> firstAboutMoney(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = AMOUNT.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        boolean marked = matcher.group("sign") != null || matcher.group("code") != null;
        return marked || MONEY_WORDS.matcher(text).find() ? Optional.of(valueOf(matcher)) : Optional.empty();
    }

    private static BigDecimal valueOf(Matcher matcher) {
        String whole = matcher.group("whole").replace(",", "");
        String fraction = matcher.group("fraction");
        String decimals = fraction == null ? "" : "." + fraction.substring(1);
        return Money.normalize(new BigDecimal(whole + decimals));
    }
}
