package dev.countersign.activities.tool;

import dev.countersign.payload.Digests;
import dev.countersign.payload.Json;
import java.util.Map;

/**
 * The SHA-256 of the canonical JSON of a tool call ({@code {"args":{...},"tool":"..."}}): object
 * keys sorted, no white space, numbers in their shortest plain form (250, 250.0 and 2.5E2 are the
 * same number). A decision carrying this digest is bound to exactly these arguments.
 */
public final class ArgsDigest {

    private ArgsDigest() {}

    public static String of(String tool, Map<String, ?> args) {
        return Digests.sha256Hex(canonicalJson(Map.of("tool", tool, "args", args)));
    }

    /** The canonical JSON the digest is taken over. */
    public static String canonicalJson(Object value) {
        return Json.canonical(value);
    }
}
