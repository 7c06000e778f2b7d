package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.countersign.activities.tool.mcp.ReferenceServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client nobody on this team wrote: the Python {@code mcp} package from PyPI (installed by .ci/run into
 * target/python-venv) runs src/test/python/mcp_gateway_check.py against the shipped worker jar's gateway
 * (in front of the reference "everything" and filesystem servers, under gateway/gateway-policy.yaml),
 * with the URL and the bearer header the README shows. It lists the tools, makes auto calls, and has
 * writes approved while they wait, rejected with a reason, and left pending, then collected by a retry.
 */
class PythonMcpClientIT {

    private static final Path PYTHON = Path.of("target/python-venv/bin/python").toAbsolutePath();
    private static final Path SCRIPT =
            Path.of("src/test/python/mcp_gateway_check.py").toAbsolutePath();
    private static final long SCRIPT_TIMEOUT_MINUTES = 3;
    /** The gateway's wait: long enough for a reviewer on a busy machine, short for the step that outlasts it. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void thePythonMcpPackageListsCallsAndCollectsEveryKindOfDecisionThroughTheGateway() throws Exception {
        // In the test, not in @BeforeAll: Failsafe reports a skipped test with its reason.
        assumeTrue(
                Files.isExecutable(PYTHON),
                "no Python virtual environment with the mcp package at " + PYTHON + " (.ci/run makes it; PyPI"
                        + " may have been unreachable): python3 -m venv worker/target/python-venv &&"
                        + " worker/target/python-venv/bin/pip install -r worker/src/test/python/requirements.txt");
        // Not under the cluster's folder: ItSettings.freshWorkDir would wipe it, dev server pid file and all.
        Path sandbox = Files.createTempDirectory("countersign-python-it").toRealPath();
        Files.writeString(sandbox.resolve("notes.txt"), "first line\n");
        Map<String, String> gateway = Map.of(
                "COUNTERSIGN_GATEWAY_SERVERS_FILES_COMMAND",
                "node",
                "COUNTERSIGN_GATEWAY_SERVERS_FILES_ARGS_0_",
                ReferenceServers.entryPoint("server-filesystem"), // skips, saying why, without the servers
                "COUNTERSIGN_GATEWAY_SERVERS_FILES_ARGS_1_",
                sandbox.toString(),
                "COUNTERSIGN_GATEWAY_SERVERS_EVERYTHING_COMMAND",
                "node",
                "COUNTERSIGN_GATEWAY_SERVERS_EVERYTHING_ARGS_0_",
                ReferenceServers.entryPoint("server-everything"),
                "COUNTERSIGN_GATEWAY_SERVERS_EVERYTHING_ARGS_1_",
                "stdio",
                "COUNTERSIGN_GATEWAY_SERVERS_EVERYTHING_TOOLS_0_",
                "echo",
                "COUNTERSIGN_GATEWAY_SERVERS_EVERYTHING_TOOLS_1_",
                "get-sum",
                "COUNTERSIGN_POLICY",
                "file:"
                        + Path.of("src/test/resources/gateway/gateway-policy.yaml")
                                .toRealPath(),
                "COUNTERSIGN_GATEWAY_WAIT",
                WAIT.toString());

        try (Cluster cluster = Cluster.start(PythonMcpClientIT.class)) {
            WorkerProcess worker =
                    cluster.launchWorker("gateway", FreePorts.next(), gateway).awaitReady();
            String token = new Api(worker.port())
                    .post("dave", "/api/tokens", Map.of("name", "python-mcp", "lifetime", "P1D"), Map.of())
                    .expect(201)
                    .path("secret")
                    .asString();

            String printed = runScript(worker, token, sandbox);

            assertThat(printed).as("worker log:\n" + worker.logTail()).endsWith("all steps passed\n");
        }
        assertThat(Files.readString(sandbox.resolve("approved.txt"))).isEqualTo("approved content");
        assertThat(Files.readString(sandbox.resolve("later.txt"))).isEqualTo("later content");
        assertThat(sandbox.resolve("rejected.txt")).doesNotExist();
    }

    /** Runs the script against the worker's gateway; answers what it printed once it exited with status 0. */
    private static String runScript(WorkerProcess worker, String token, Path sandbox) throws Exception {
        Path output = Files.createTempFile("countersign-python-it", ".log");
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("COUNTERSIGN_MCP_URL", "http://127.0.0.1:" + worker.port() + "/mcp");
        builder.environment().put("COUNTERSIGN_TOKEN", token);
        builder.environment().put("COUNTERSIGN_REVIEWER", "alice:" + Api.PASSWORD);
        builder.environment().put("COUNTERSIGN_SANDBOX", sandbox.toString());
        builder.environment().put("COUNTERSIGN_GATEWAY_WAIT_SECONDS", String.valueOf(WAIT.toSeconds()));
        Process script = builder.start();
        ManagedProcesses.track(script.toHandle());
        boolean exited;
        try {
            exited = script.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } finally {
            script.destroyForcibly();
            ManagedProcesses.untrack(script.toHandle());
        }
        String printed = read(output);
        System.out.println("PythonMcpClientIT: mcp_gateway_check.py printed\n" + printed);
        assertThat(exited)
                .as("the script ended within " + SCRIPT_TIMEOUT_MINUTES + " minutes:\n" + printed)
                .isTrue();
        assertThat(script.exitValue())
                .as(printed + "\nworker log:\n" + worker.logTail())
                .isZero();
        return printed;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
