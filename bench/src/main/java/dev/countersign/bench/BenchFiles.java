package dev.countersign.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The service's bench configuration: its policy, its agents file and its gateway's upstream server. */
final class BenchFiles {

    /** The agent of {@link #agents}: its tool runs as an activity, as an MCP server's tools do by default. */
    static final String AGENT = "bench";

    static final String TOOL = "bench_touch";

    /** The agent of {@link #agents} whose tool is listed in {@code local-tools}: it runs as a local activity. */
    static final String LOCAL_AGENT = "bench-local";

    static final String LOCAL_TOOL = "bench-local_touch";

    private BenchFiles() {}

    static Path policy(Path dir) {
        return write(dir.resolve("bench-policy.yaml"), """
                # The bench's policy: the bench's tool, run as an activity or as a local activity, waits for one
                # reviewer of bench-reviewers; the gateway's echo runs on its own (the gateway overhead scenario);
                # everything else is denied.
                version: 1
                default: deny
                rules:
                  - name: bench-gate
                    tool: [%s, %s]
                    outcome: approve
                    tiers:
                      - name: bench
                        groups: [%s]
                        approvals: 1
                  - name: echo
                    tool: everything_echo
                    outcome: auto
                """.formatted(TOOL, LOCAL_TOOL, BenchUsers.REVIEWERS));
    }

    static Path agents(Path dir, String mcpUrl) {
        return write(dir.resolve("bench-agents.yaml"), """
                # The bench's agents, both on the bench's MCP server. Each names it differently: a server name is
                # one server for every agent that declares it (declared alike), and it starts the names of the
                # server's tools, so bench's tool is bench_touch and bench-local's is bench-local_touch, which
                # bench-local runs as a local activity, in the workflow task that applies the decision.
                agents:
                  bench:
                    instructions: Touch the gate the goal names with the bench's touch tool, then stop.
                    mcp-servers:
                      bench:
                        url: %1$s
                        timeout: PT30S
                  bench-local:
                    instructions: Touch the gate the goal names with the bench's touch tool, then stop.
                    mcp-servers:
                      bench-local:
                        url: %1$s
                        timeout: PT30S
                        local-tools: [touch]
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
