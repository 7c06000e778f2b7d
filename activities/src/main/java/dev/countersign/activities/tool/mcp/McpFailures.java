package dev.countersign.activities.tool.mcp;

import io.modelcontextprotocol.spec.McpError;
import java.util.concurrent.TimeoutException;

/** Tells what kind of failure an MCP request met: the server's own error, no answer in time, or a broken link. */
final class McpFailures {

    private McpFailures() {}

    /** The server answered with a JSON-RPC error: the connection is sound. */
    static boolean answeredByServer(Throwable failure) {
        return find(failure, McpError.class) != null
                && find(failure, McpError.class).getJsonRpcError() != null;
    }

    /** The server did not answer within the request timeout. */
    static boolean timedOut(Throwable failure) {
        return find(failure, TimeoutException.class) != null;
    }

    /** The server's JSON-RPC error message, or the innermost cause's message. */
    static String describe(Throwable failure) {
        McpError error = find(failure, McpError.class);
        if (error != null && error.getJsonRpcError() != null) {
            return error.getJsonRpcError().message();
        }
        if (find(failure, java.net.ConnectException.class) != null) {
            return "the connection was refused";
        }
        Throwable root = failure;
        String innermostMessage = failure.getMessage();
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getMessage() != null) {
                innermostMessage = root.getMessage();
            }
        }
        if (root.getMessage() != null) {
            return root.getMessage();
        }
        String name = root.getClass().getSimpleName();
        return innermostMessage == null || innermostMessage.equals(name) ? name : name + " (" + innermostMessage + ")";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable each = failure; each != null; each = each.getCause() == each ? null : each.getCause()) {
            if (type.isInstance(each)) {
                return type.cast(each);
            }
        }
        return null;
    }
}
