package dev.countersign.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The same gate in LangGraph, the third column: bench/langgraph/gate.py (interrupt() before the tool
 * node, resumed with Command(resume=...), checkpoints in PostgreSQL) runs its own open loop at the
 * rate asked and writes its latencies; the bench only starts it, in the same rounds as the others.
 */
final class LangGraphGate {

    /** One run's latencies in microseconds, and what it says it is. */
    record Run(String system, Histogram ack, Histogram executed) {}

    private final Path python;
    private final Path script;
    private final String dsn;
    private final String password;
    private final Path dir;

    LangGraphGate(Path repo, int pgPort, String password, Path dir) {
        this.python = repo.resolve("bench/langgraph/.venv/bin/python");
        this.script = repo.resolve("bench/langgraph/gate.py");
        this.dsn = "postgresql://langgraph@127.0.0.1:" + pgPort + "/langgraph";
        this.password = password;
        this.dir = dir;
    }

    /** Whether the script and its virtual environment (bench/langgraph/setup.sh) are there. */
    static boolean available(Path repo) {
        return Files.isRegularFile(repo.resolve("bench/langgraph/gate.py"))
                && Files.isExecutable(repo.resolve("bench/langgraph/.venv/bin/python"));
    }

    Run run(String name, double rate, int count, int warmup) {
        Path result = dir.resolve("langgraph-" + name + ".json");
        Shell.run(
                dir.resolve("langgraph-" + name + ".out"),
                Duration.ofMinutes(10),
                Map.of("PGPASSWORD", password),
                python.toString(),
                script.toString(),
                "--dsn",
                dsn,
                "--rate",
                String.valueOf(rate),
                "--count",
                String.valueOf(count),
                "--warmup",
                String.valueOf(warmup),
                "--out",
                result.toString());
        try {
            JsonNode json = ServiceApi.JSON.readTree(Files.readString(result));
            return new Run(
                    json.path("system").asText("LangGraph") + ", durability "
                            + json.path("durability").asText("async"),
                    histogram(json.path("decisionToAckMicros")),
                    histogram(json.path("decisionToExecutedMicros")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + result, e);
        }
    }

    private static Histogram histogram(JsonNode micros) {
        Histogram histogram = OpenLoop.histogram();
        micros.forEach(value -> histogram.recordValue(Math.max(0, value.asLong())));
        return histogram;
    }
}
