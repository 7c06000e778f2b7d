package dev.countersign.activities.tool.mcp;

import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.lang.reflect.Field;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process a stdio transport started, so that a server that crashed between calls is seen dead
 * before the next call is sent to it (the SDK would wait for its timeout). The SDK keeps the process
 * in a private field; without it (another SDK version) a crash is noticed when a call fails instead,
 * and StdioServerRestartTest says so.
 */
final class StdioProcess {

    private static final Logger log = LoggerFactory.getLogger(StdioProcess.class);

    private StdioProcess() {}

    static Optional<Process> of(McpClientTransport transport) {
        if (!(transport instanceof StdioClientTransport)) {
            return Optional.empty();
        }
        try {
            Field field = StdioClientTransport.class.getDeclaredField("process");
            field.setAccessible(true);
            return Optional.ofNullable((Process) field.get(transport));
        } catch (ReflectiveOperationException | RuntimeException unknown) {
            log.warn(
                    "cannot watch the MCP stdio server's process ({}); a crash is noticed when a call fails",
                    unknown.toString());
            return Optional.empty();
        }
    }
}
