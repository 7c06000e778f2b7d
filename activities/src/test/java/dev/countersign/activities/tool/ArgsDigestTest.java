package dev.countersign.activities.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The digest binds an approval to the exact arguments a reviewer saw, so its canonical JSON must be
 * valid JSON of the same value and must not change from one version to the next.
 */
class ArgsDigestTest {

    private static final Map<String, Object> ARGS = args();

    private static Map<String, Object> args() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("note", "quote \" backslash \\ newline \n tab \t bell \u0007 form \f back \b é");
        args.put("amount", 250.50);
        args.put("items", List.of(1, "two", Map.of("z", true, "a", false)));
        return args;
    }

    @Test
    void canonicalJsonIsValidJsonOfTheSameValueWithSortedKeys() throws Exception {
        String json = ArgsDigest.canonicalJson(ARGS);

        assertThat(json)
                .isEqualTo("{\"amount\":250.5,\"items\":[1,\"two\",{\"a\":false,\"z\":true}],\"note\":\"quote \\\""
                        + " backslash \\\\ newline \\n tab \\t bell \\u0007 form \\f back \\b é\"}");
        assertThat(new ObjectMapper().readValue(json, Map.class).get("note")).isEqualTo(ARGS.get("note"));
    }

    @Test
    void theDigestOfTheSameArgumentsNeverChanges() {
        assertThat(ArgsDigest.of("issue_refund", ARGS)).isEqualTo(ArgsDigest.of("issue_refund", args()));
        assertThat(ArgsDigest.of("issue_refund", ARGS)).isNotEqualTo(ArgsDigest.of("send_email", ARGS));
    }
}
