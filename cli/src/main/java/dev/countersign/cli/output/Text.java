package dev.countersign.cli.output;

/** Text from the server made safe for a terminal, and cut to a width. */
public final class Text {

    private static final String ELLIPSIS = "...";

    private Text() {}

    /**
     * One line without control characters. Arguments and summaries come from an AI agent, so an
     * escape sequence in them must not reach the reviewer's terminal and change what it shows.
     */
    public static String oneLine(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                safe.append(' ');
            } else if (Character.isISOControl(c) || isBidiControl(c)) {
                safe.append('?');
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }

    /** At most {@code width} characters; a cut value ends with "...". */
    public static String cut(String value, int width) {
        if (value.length() <= width) {
            return value;
        }
        if (width <= ELLIPSIS.length()) {
            return value.substring(0, Math.max(width, 0));
        }
        return value.substring(0, width - ELLIPSIS.length()) + ELLIPSIS;
    }

    // Right-to-left overrides and isolates can make text read differently from what it is.
    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
    }
}
