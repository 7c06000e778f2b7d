package dev.countersign.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The service's bench configuration: its policy, its agents file and its gateway's upstream server. */
final class BenchFiles {

    static final String TOOL = "bench_touch";

    private BenchFiles() {}

    static Path policy(Path dir) {
        return write(dir.resolve("bench-policy.yaml"), """
                # The bench's policy: the bench's tool waits for one reviewer of bench-reviewers; the gateway's
                # echo runs on its own (the gateway overhead scenario); everything else is denied.
                version: 1
                default: deny
                rules:
                  - name: bench-gate
                    tool: %s
                    outcome: approve
                    tiers:
                      - name: bench
                        groups: [%s]
                        approvals: 1
                  - name: echo
                    tool: everything_echo
                    outcome: auto
                """.formatted(TOOL, BenchUsers.REVIEWERS));
    }

    static Path agents(Path dir, String mcpUrl) {
        return write(dir.resolve("bench-agents.yaml"), """
                agents:
                  bench:
                    instructions: Touch the gate the goal names with the bench's touch tool, then stop.
                    mcp-servers:
                      bench:
                        url: %s
                        timeout: PT30S
                """.formatted(mcpUrl));
    }

    /** The reference "everything" server over stdio in front of which the gateway stands. */
    static List<String> gatewayArguments() {
        return List.of(
                "--countersign.gateway.servers.everything.command=node",
                "--countersign.gateway.servers.everything.args[0]=" + everythingEntryPoint(),
                "--countersign.gateway.servers.everything.args[1]=stdio",
                "--countersign.gateway.servers.everything.tools[0]=echo");
    }

    static String everythingEntryPoint() {
        String folder = System.getenv("COUNTERSIGN_MCP_SERVERS");
        if (folder == null || folder.isBlank()) {
            folder = Path.of(System.getProperty("user.home"), ".cache/countersign/mcp-servers")
                    .toString();
        }
        Path entry = Path.of(folder, "node_modules/@modelcontextprotocol/server-everything/dist/index.js");
        if (!Files.isRegularFile(entry)) {
            throw new IllegalStateException(entry + " is missing: run scripts/mcp-servers.sh");
        }
        return entry.toString();
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
