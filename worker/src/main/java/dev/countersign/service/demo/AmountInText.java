package dev.countersign.service.demo;

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
    /** A money word, then at most two plain words ("refund only", "the amount should be"), then the number. */
    private static final Pattern MONEY_WORD_BEFORE = Pattern.compile(
            "\\b(?:refund|amount|pay|credit|reimburse)\\p{L}*(?:[\\s:]+[\\p{L}']+){0,2}[\\s:=]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A currency word right after the number: "125 dollars", "40 euros", "80 usd". */
    private static final Pattern CURRENCY_WORD_AFTER = Pattern.compile(
            "^\\s?(?:dollars?|euros?|pounds?|bucks|yen|usd|eur|gbp|jpy|chf|cad|aud)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** How far before a number a money word is looked for. */
    private static final int LOOK_BEHIND = 60;

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
     * The first number in the text that stands next to money: it carries a currency sign, code or
     * word ("$40", "125 USD", "40 euros"), or follows a money word by at most two words ("refund 120",
     * "refund only 75", "the amount should be 40"). Other numbers are counts, days or ids: "the order
     * has 2 items; refund only one, 125 USD" names 125, and "check the last 2 orders" names none.
     * Guidance and a reviewer's feedback are read with this.
     */
    static Optional<BigDecimal> firstAboutMoney(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = AMOUNT.matcher(text);
        while (matcher.find()) {
            if (nextToMoney(text, matcher)) {
                return Optional.of(valueOf(matcher));
            }
        }
        return Optional.empty();
    }

    private static boolean nextToMoney(String text, Matcher matcher) {
        if (matcher.group("sign") != null || matcher.group("code") != null) {
            return true;
        }
        if (CURRENCY_WORD_AFTER
                .matcher(text)
                .region(matcher.end(), text.length())
                .lookingAt()) {
            return true;
        }
        String before = text.substring(Math.max(0, matcher.start() - LOOK_BEHIND), matcher.start());
        return MONEY_WORD_BEFORE.matcher(before).find();
    }

    private static BigDecimal valueOf(Matcher matcher) {
        String whole = matcher.group("whole").replace(",", "");
        String fraction = matcher.group("fraction");
        String decimals = fraction == null ? "" : "." + fraction.substring(1);
        return Money.normalize(new BigDecimal(whole + decimals));
    }
}
