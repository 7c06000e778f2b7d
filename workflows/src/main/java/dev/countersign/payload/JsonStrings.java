package dev.countersign.payload;

/**
 * Writes a string as a JSON string literal, the one way Countersign's own JSON writers (the
 * arguments digest, payload measures and previews) escape text, so the same text has the same bytes
 * wherever it is written.
 */
public final class JsonStrings {

    private JsonStrings() {}

    /** Appends {@code text} to {@code out} quoted, with JSON's escapes for quotes, backslashes and control characters. */
    public static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
