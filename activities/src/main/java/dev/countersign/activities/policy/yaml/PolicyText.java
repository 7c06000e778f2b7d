package dev.countersign.activities.policy.yaml;

import dev.countersign.activities.policy.PolicyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import org.yaml.snakeyaml.reader.UnicodeReader;

/** Decodes a policy file's bytes (UTF-8, with or without a byte order mark) for the loader and the check. */
public final class PolicyText {

    private PolicyText() {}

    /** The text, or a {@link PolicyException} naming {@code source} when the bytes are not UTF-8. */
    public static String decode(String source, byte[] content) {
        try (UnicodeReader reader = new UnicodeReader(new ByteArrayInputStream(content))) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return text.toString();
        } catch (IOException e) {
            throw new PolicyException(source, "the file is not valid UTF-8 text: " + e, e);
        }
    }
}
