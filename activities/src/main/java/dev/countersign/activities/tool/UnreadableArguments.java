package dev.countersign.activities.tool;

import dev.countersign.payload.PayloadBounds;
import java.util.Map;

/**
 * The stand-in for a model's tool arguments that were not a JSON object: the raw text, cut short,
 * under one key. The policy activity denies such a call with a reason the model can act on, so it
 * never runs.
 */
public final class UnreadableArguments {

    /** The only key of the stand-in; it holds the beginning of the raw text the model sent. */
    public static final String KEY = "_invalid_arguments";

    private static final int RAW_BYTES = 1024;

    private UnreadableArguments() {}

    public static Map<String, Object> of(String raw) {
        return Map.of(KEY, PayloadBounds.text(raw == null ? "" : raw, RAW_BYTES));
    }

    public static boolean isUnreadable(Map<String, ?> args) {
        return args != null && args.size() == 1 && args.get(KEY) instanceof String;
    }

    static String reason(Map<String, ?> args) {
        return "the arguments were not a JSON object (they were: " + args.get(KEY) + "); send them as a JSON object"
                + " whose keys are the tool's arguments";
    }
}
