package dev.countersign.security;

/** Makes text that a caller controls safe to put in a log line: no control characters, bounded. */
final class LogSafe {

    private static final int MAX_LENGTH = 100;

    private LogSafe() {}

    static String text(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH) + "...";
    }
}
