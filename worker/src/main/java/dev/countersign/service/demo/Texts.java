package dev.countersign.service.demo;

/** Small text helpers for what the support agent writes. */
final class Texts {

    private Texts() {}

    /** " (text)", or nothing when there is no text. */
    static String inParentheses(String text) {
        return text == null || text.isBlank() ? "" : " (" + abbreviate(text.trim(), 500) + ")";
    }

    /** The text as a sentence of its own: trimmed, ending in a full stop unless it has one. */
    static String sentence(String text) {
        String trimmed = abbreviate(text.trim(), 1000);
        return trimmed.isEmpty() || ".!?…".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0 ? trimmed : trimmed + ".";
    }

    static String abbreviate(String text, int maxLength) {
        return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
    }
}
