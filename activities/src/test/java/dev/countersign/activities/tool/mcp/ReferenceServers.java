package dev.countersign.activities.tool.mcp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The reference MCP servers scripts/mcp-servers.sh installs: found through the system property
 * {@code countersign.mcp.servers}, the variable {@code COUNTERSIGN_MCP_SERVERS} or the default cache
 * folder. A test that needs one is skipped, saying why, where it or node is absent.
 */
public final class ReferenceServers {

    private ReferenceServers() {}

    public static Path folder() {
        String configured = Optional.ofNullable(System.getProperty("countersign.mcp.servers"))
                .orElse(System.getenv("COUNTERSIGN_MCP_SERVERS"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base =
                cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
        return base.resolve("countersign").resolve("mcp-servers");
    }

    /** The entry point of a server package, for example {@code server-everything}; skips the test without it. */
    public static String entryPoint(String server) {
        Path script = folder().resolve("node_modules/@modelcontextprotocol/" + server + "/dist/index.js");
        assumeTrue(
                Files.isRegularFile(script),
                "the MCP server " + server + " is not installed at " + script
                        + "; run scripts/mcp-servers.sh (it needs npm and the npm registry)");
        assumeTrue(
                Executables.exists("node", java.util.Map.of()),
                "node is not on the PATH; the reference MCP servers need it");
        return script.toString();
    }

    /** The everything server over stdio. */
    public static McpServerSpec everything() {
        return McpServerSpec.stdio("node", List.of(entryPoint("server-everything"), "stdio"));
    }

    /** The filesystem server over stdio, confined to one folder. */
    public static McpServerSpec filesystem(Path sandbox) {
        return McpServerSpec.stdio("node", List.of(entryPoint("server-filesystem"), sandbox.toString()));
    }
}
