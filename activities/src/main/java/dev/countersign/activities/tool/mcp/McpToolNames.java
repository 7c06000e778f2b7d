package dev.countersign.activities.tool.mcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names an MCP server's tool for Countersign, the model and the policy: {@code <server>_<tool>},
 * with every character outside {@code [A-Za-z0-9_-]} made {@code _}, and, where that is longer than
 * 64 characters or already taken, cut and ended with a short digest of the full name.
 */
public final class McpToolNames {

    /** What OpenAI and Anthropic accept as a tool's name. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static final int MAX_LENGTH = 64;
    private static final int DIGEST_CHARS = 8;

    private McpToolNames() {}

    /** The name of {@code tool} of {@code server}, other than every name in {@code taken}. */
    public static String of(String server, String tool, Set<String> taken) {
        String full = server + "_" + tool;
        String sanitized = full.replaceAll("[^A-Za-z0-9_-]", "_");
        if (sanitized.length() <= MAX_LENGTH && !taken.contains(sanitized)) {
            return sanitized;
        }
        for (int attempt = 0; ; attempt++) {
            String digest = digest(attempt == 0 ? full : full + "#" + attempt);
            String candidate =
                    sanitized.substring(0, Math.min(sanitized.length(), MAX_LENGTH - DIGEST_CHARS - 1)) + "_" + digest;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, DIGEST_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
